using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Users;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Users;
using PenguinMails.Functions.Common;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Users;

/// <summary>Platform users: search, create, edit, ban, sessions, bulk operations and CSV export (Journey 1).</summary>
public static class UsersApi
{
    public static void MapUsersApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users").WithTags("Users");
        group.MapGet("/", ListUsers).WithName("ListUsers").RequirePermission(Permissions.UsersRead);
        group.MapPost("/", CreateUser).WithName("CreateUser").RequirePermission(Permissions.UsersManage);
        group.MapGet("/export", ExportUsers).WithName("ExportUsers").RequirePermission(Permissions.UsersExport);
        group.MapGet("/{id}", GetUser).WithName("GetUser").RequirePermission(Permissions.UsersRead);
        group.MapPatch("/{id}", UpdateUser).WithName("UpdateUser").RequirePermission(Permissions.UsersManage);
        group.MapPost("/{id}/ban", BanUser).WithName("BanUser").RequirePermission(Permissions.UsersBan);
        group.MapPost("/{id}/unban", UnbanUser).WithName("UnbanUser").RequirePermission(Permissions.UsersBan);
        group.MapPost("/{id}/sessions/revoke", RevokeSessions).WithName("RevokeUserSessions").RequirePermission(Permissions.UsersManage);
    }

    private static async Task<Ok<Page<PlatformUserResponse>>> ListUsers(PlatformUserService service, string? tenantId, string? status, string? role,
        string? q, int? pageSize, string? cursor, CancellationToken cancellationToken)
    {
        var page = await service.SearchAsync(Filter(tenantId, status, role, q), PageRequest.From(pageSize, cursor), cancellationToken);
        return TypedResults.Ok(page.Map(PlatformUserResponse.From));
    }

    private static async Task<Created<PlatformUserResponse>> CreateUser(CreateUserRequest request, PlatformUserService service, Actor actor,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var created = await service.CreateAsync(actor, request.TenantId, request.Email, request.DisplayName, request.Role, request.Reason, cancellationToken);
        response.SetETag(created.ETag);
        return TypedResults.Created($"/api/users/{created.Value.Id}", PlatformUserResponse.From(created.Value));
    }

    private static async Task<PushStreamHttpResult> ExportUsers(PlatformUserService service, IAuditLog audit, Actor actor, string? format, string? tenantId,
        string? status, string? role, string? q, CancellationToken cancellationToken)
    {
        new Validator().When(format is not (null or "csv"), "format", "The only export format is csv.").ThrowIfInvalid();
        var filter = Filter(tenantId, status, role, q);
        // Exporting personal data is recorded before the first byte leaves.
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.UsersExport, "users", "export", After: AuditEntry.Snapshot(filter)), cancellationToken);
        return TypedResults.Stream(stream => UserCsvWriter.WriteAsync(service.StreamAsync(filter, cancellationToken), stream, cancellationToken),
            UserCsvWriter.ContentType, "users.csv");
    }

    private static async Task<Ok<PlatformUserResponse>> GetUser(string id, PlatformUserService service, HttpResponse response,
        CancellationToken cancellationToken) =>
        Versioned(response, await service.GetAsync(id, cancellationToken));

    private static async Task<Ok<PlatformUserResponse>> UpdateUser(string id, UpdateUserRequest request, PlatformUserService service, Actor actor,
        HttpRequest http, CancellationToken cancellationToken) =>
        Versioned(http.HttpContext.Response, await service.UpdateAsync(actor, id, new UserPatch(request.DisplayName, request.Role, request.Email), http.IfMatch(),
            request.Reason, cancellationToken));

    private static async Task<Ok<PlatformUserResponse>> BanUser(string id, UserReasonRequest request, PlatformUserService service, Actor actor,
        HttpResponse response, CancellationToken cancellationToken) =>
        Versioned(response, await service.BanAsync(actor, id, request.Reason, cancellationToken));

    private static async Task<Ok<PlatformUserResponse>> UnbanUser(string id, UserReasonRequest request, PlatformUserService service, Actor actor,
        HttpResponse response, CancellationToken cancellationToken) =>
        Versioned(response, await service.UnbanAsync(actor, id, request.Reason, cancellationToken));

    private static async Task<Ok<RevokedSessionsResponse>> RevokeSessions(string id, UserReasonRequest request, PlatformUserService service, Actor actor,
        CancellationToken cancellationToken) =>
        TypedResults.Ok(new RevokedSessionsResponse(await service.RevokeSessionsAsync(actor, id, request.Reason, cancellationToken)));

    private static UserFilter Filter(string? tenantId, string? status, string? role, string? q)
    {
        new Validator().Optional("tenantId", tenantId, 64).Optional("q", q, SearchText.MaxLength)
            .When(!string.IsNullOrWhiteSpace(role) && !PlatformUserRoles.Exists(role), "role", $"role must be one of: {PlatformUserRoles.Describe()}.")
            .When(!string.IsNullOrEmpty(tenantId) && !tenantId.All(char.IsAsciiLetterOrDigit), "tenantId", "tenantId is letters and digits.")
            .ThrowIfInvalid();
        return new UserFilter(Blank(tenantId), Enums.ParseOptional<PlatformUserStatus>("status", status), Blank(role), Blank(q));
    }

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static Ok<PlatformUserResponse> Versioned(HttpResponse response, Versioned<PlatformUser> user)
    {
        response.SetETag(user.ETag);
        return TypedResults.Ok(PlatformUserResponse.From(user.Value));
    }
}
