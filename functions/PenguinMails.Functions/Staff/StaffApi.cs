using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Functions.Common;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Staff;

/// <summary>Staff management (Journey 5).</summary>
public static class StaffApi
{
    public static void MapStaffApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/staff").WithTags("Staff");
        group.MapGet("/", ListStaff).WithName("ListStaff").RequirePermission(Permissions.StaffRead);
        group.MapPost("/", CreateStaff).WithName("CreateStaff").RequirePermission(Permissions.StaffManage);
        group.MapGet("/{id}", GetStaff).WithName("GetStaff").RequirePermission(Permissions.StaffRead);
        group.MapPut("/{id}/roles", SetRoles).WithName("SetStaffRoles").RequirePermission(Permissions.StaffRoles);
        group.MapGet("/{id}/sessions", ListSessions).WithName("ListStaffSessions").RequirePermission(Permissions.StaffRead);
        group.MapPost("/{id}/sessions/revoke", RevokeSessions).WithName("RevokeStaffSessions").RequirePermission(Permissions.StaffSessionsRevoke);
        group.MapPost("/{id}/suspend", Suspend).WithName("SuspendStaff").RequirePermission(Permissions.StaffManage);
        group.MapPost("/{id}/reactivate", Reactivate).WithName("ReactivateStaff").RequirePermission(Permissions.StaffManage);
        app.MapGet("/api/roles", ListRoles).WithName("ListRoles").WithTags("Staff").RequirePermission(Permissions.StaffRead);
    }

    private static async Task<Ok<Page<StaffResponse>>> ListStaff(StaffService service, string? status, string? role, string? q, int? pageSize, string? cursor,
        CancellationToken cancellationToken)
    {
        var filter = new StaffFilter(Enums.ParseOptional<StaffStatus>("status", status), role, q);
        var page = await service.ListAsync(filter, PageRequest.From(pageSize, cursor), cancellationToken);
        return TypedResults.Ok(page.Map(StaffResponse.From));
    }

    private static async Task<Created<StaffResponse>> CreateStaff(CreateStaffRequest request, StaffService service, Actor actor, CancellationToken cancellationToken)
    {
        var created = await service.CreateAsync(actor, request.Email, request.DisplayName, request.Roles, request.Reason, cancellationToken);
        return TypedResults.Created($"/api/staff/{created.Value.Id}", StaffResponse.From(created.Value));
    }

    private static async Task<Ok<StaffResponse>> GetStaff(string id, StaffService service, HttpResponse response, CancellationToken cancellationToken)
    {
        var member = await service.GetAsync(id, cancellationToken);
        response.SetETag(member.ETag);
        return TypedResults.Ok(StaffResponse.From(member.Value));
    }

    private static async Task<Ok<StaffResponse>> SetRoles(string id, SetRolesRequest request, StaffService service, Actor actor, HttpRequest http,
        CancellationToken cancellationToken)
    {
        var updated = await service.SetRolesAsync(actor, id, request.Roles, http.IfMatch(), request.Reason, cancellationToken);
        http.HttpContext.Response.SetETag(updated.ETag);
        return TypedResults.Ok(StaffResponse.From(updated.Value));
    }

    private static async Task<Ok<IReadOnlyList<SessionResponse>>> ListSessions(string id, StaffService staff, SessionService sessions, CancellationToken cancellationToken)
    {
        await staff.GetAsync(id, cancellationToken);
        var live = await sessions.ListLiveAsync(id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SessionResponse>>(live.Select(SessionResponse.From).ToList());
    }

    private static async Task<Ok<RevokedResponse>> RevokeSessions(string id, ReasonRequest request, StaffService service, Actor actor, CancellationToken cancellationToken) =>
        TypedResults.Ok(new RevokedResponse(await service.RevokeSessionsAsync(actor, id, request.Reason, cancellationToken)));

    private static async Task<Ok<StaffResponse>> Suspend(string id, ReasonRequest request, StaffService service, Actor actor, CancellationToken cancellationToken) =>
        TypedResults.Ok(StaffResponse.From((await service.SuspendAsync(actor, id, request.Reason, cancellationToken)).Value));

    private static async Task<Ok<StaffResponse>> Reactivate(string id, ReasonRequest request, StaffService service, Actor actor, CancellationToken cancellationToken) =>
        TypedResults.Ok(StaffResponse.From((await service.ReactivateAsync(actor, id, request.Reason, cancellationToken)).Value));

    /// <summary>The catalog is fixed at build time: built and sorted once, not on every call.</summary>
    private static readonly IReadOnlyList<RoleResponse> Catalog = RoleCatalog.Roles
        .Select(r => new RoleResponse(r.Name, r.Description, r.Permissions.Order(StringComparer.Ordinal).ToList())).ToList();

    private static Ok<IReadOnlyList<RoleResponse>> ListRoles() => TypedResults.Ok(Catalog);
}
