using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Users;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Users;
using PenguinMails.Admin.Users.Workflow;
using PenguinMails.Functions.Common;
using PenguinMails.Functions.Security;
using PenguinMails.Functions.Workflows;

namespace PenguinMails.Functions.Users;

/// <summary>
/// Bulk operations over platform users: by ids, by filter or by file, their results, and importing users from a file.
/// A real run over more than <see cref="BulkUserPlan.SynchronousLimit"/> users answers 202 and runs as a
/// <c>users-bulk</c> workflow (progress at the Location, per-user results at <c>/api/users/bulk/{id}/results</c>);
/// dry runs and smaller runs answer 200 with every result.
/// </summary>
public static class UsersBulkApi
{
    public static void MapUsersBulkApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/users/bulk").WithTags("Users");
        group.MapPost("/", BulkUsers).WithName("BulkUsers").RequirePermission(Permissions.UsersBulkEdit);
        group.MapPost("/csv", BulkUsersFromFile).WithName("BulkUsersFromFile").AddOpenApiOperationTransformer(CsvBody)
            .RequirePermission(Permissions.UsersBulkEdit);
        group.MapGet("/{workflowId}/results", GetBulkResults).WithName("GetBulkUserResults").RequirePermission(Permissions.UsersBulkEdit);
        app.MapPost("/api/tenants/{tenantId}/users/import", ImportUsers).WithTags("Users").WithName("ImportTenantUsers")
            .AddOpenApiOperationTransformer(CsvBody).RequirePermission(Permissions.UsersManage);
    }

    /// <summary>
    /// Documents the text/csv body. Not <c>Accepts</c>: routing would then answer another content type with a bare
    /// 415, and the contract wants a 400 <c>invalid_file</c> that says what to send.
    /// </summary>
    private static Task CsvBody(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "A CSV file (RFC 4180) with a header row.",
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [UserCsvWriter.ContentType] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        };
        return Task.CompletedTask;
    }

    private static async Task<Results<Ok<BulkUserResponse>, Accepted<WorkflowAcceptedResponse>>> BulkUsers(BulkUserRequest request, BulkUserService service,
        BulkUserWorkflowStarter workflow, BulkUserTargets targets, Actor actor, CancellationToken cancellationToken)
    {
        var action = Action(request.Action);
        if ((request.UserIds is null) == (request.Filter is null))
        {
            throw AdminException.Validation("userIds", "Give exactly one of userIds or filter.");
        }
        if (request.UserIds is { Count: 0 })
        {
            throw AdminException.Validation("userIds", "Give at least one user id.");
        }
        var command = new BulkUserCommand(action, request.UserIds ?? [], request.Parameters?.Role, request.Parameters?.TenantId, request.Reason, request.DryRun);
        BulkUserService.Validate(actor, command);
        var ids = request.Filter is { } filter ? await targets.ResolveAsync(Filter(filter), cancellationToken) : request.UserIds!;
        if (BulkUserWorkflowStarter.RunsAsWorkflow(command, ids.Count))
        {
            return WorkflowAccepted.For(await workflow.StartAsync(actor, command with { UserIds = ids }, cancellationToken));
        }
        return TypedResults.Ok(BulkUserResponse.From(await service.RunAsync(actor, command with { UserIds = ids }, cancellationToken)));
    }

    private static async Task<Results<Ok<BulkUserResponse>, Accepted<WorkflowAcceptedResponse>>> BulkUsersFromFile(HttpRequest http, BulkUserService service,
        BulkUserWorkflowStarter workflow, BulkUserTargets targets, Actor actor, string? action, bool? dryRun, string? reason, string? tenantId, string? role,
        string? targetTenantId, CancellationToken cancellationToken)
    {
        var command = new BulkUserCommand(Action(action), [], UsersApi.Blank(role), UsersApi.Blank(targetTenantId), reason, dryRun ?? false);
        BulkUserService.Validate(actor, command);
        UserCsvReader.EnsureCsv(http.ContentType);
        var (column, rows) = await UserCsvReader.ReadTargetsAsync(http.Body, cancellationToken);
        if (column == BulkFileColumn.Email)
        {
            new Validator().Require("tenantId", tenantId, 64).When(tenantId is not null && !TenantIds.IsValid(tenantId), "tenantId", "tenantId is letters and digits.")
                .ThrowIfInvalid();
        }
        var resolved = await targets.ResolveAsync(column, tenantId?.Trim(), rows, cancellationToken);
        if (BulkUserWorkflowStarter.RunsAsWorkflow(command, resolved.UserIds.Count))
        {
            // The rows that named nobody are not part of the workflow's results: the run goes ahead without them only
            // when every row resolved, so none is silently dropped.
            if (resolved.RowErrors.Count > 0)
            {
                throw AdminException.Validation("file", $"{resolved.RowErrors.Count} rows name no user (first: line {resolved.RowErrors[0].Line}, {resolved.RowErrors[0].Field}: {resolved.RowErrors[0].Reason}); "
                    + "fix them, or dry-run the file to see every row's error.");
            }
            return WorkflowAccepted.For(await workflow.StartAsync(actor, command with { UserIds = resolved.UserIds }, cancellationToken));
        }
        var report = resolved.UserIds.Count == 0
            ? new BulkUserReport(command.DryRun, [], new BulkSummary(0, 0, 0, 0))
            : await service.RunAsync(actor, command with { UserIds = resolved.UserIds }, cancellationToken);
        return TypedResults.Ok(BulkUserResponse.From(report, resolved.RowErrors));
    }

    private static async Task<Ok<BulkResultsPage>> GetBulkResults(string workflowId, BulkUserResultReader results, int? pageSize, string? cursor,
        CancellationToken cancellationToken)
    {
        var page = await results.ListAsync(workflowId, PageRequest.From(pageSize, cursor), cancellationToken);
        return TypedResults.Ok(new BulkResultsPage(page.Items.Select(BulkUserResultResponse.From).ToList(), page.NextCursor));
    }

    private static async Task<Ok<UserImportResponse>> ImportUsers(string tenantId, HttpRequest http, UserImportService service, Actor actor, bool? dryRun,
        string? reason, CancellationToken cancellationToken)
    {
        if (!TenantIds.IsValid(tenantId))
        {
            throw AdminException.NotFound("Tenant", tenantId);
        }
        UserCsvReader.EnsureCsv(http.ContentType);
        var rows = await UserCsvReader.ReadImportAsync(http.Body, cancellationToken);
        return TypedResults.Ok(UserImportResponse.From(await service.ImportAsync(actor, tenantId, rows, reason, dryRun ?? false, cancellationToken)));
    }

    private static BulkUserAction Action(string? action) => Enums.ParseOptional<BulkUserAction>("action", action)
        ?? throw AdminException.Validation("action", "action is required: change-role, ban, unban or move-tenant.");

    private static UserFilter Filter(BulkFilterRequest f)
    {
        var domain = UsersApi.Blank(f.EmailDomain)?.TrimStart('@').ToLowerInvariant();
        new Validator().Optional("filter.tenantId", f.TenantId, 64)
            .When(!string.IsNullOrWhiteSpace(f.TenantId) && !TenantIds.IsValid(f.TenantId.Trim()), "filter.tenantId", "tenantId is letters and digits.")
            .When(!string.IsNullOrWhiteSpace(f.Role) && !PlatformUserRoles.Exists(f.Role.Trim()), "filter.role", $"role must be one of: {PlatformUserRoles.Describe()}.")
            .When(domain is not null && (domain.Length > 253 || !domain.Contains('.') || !domain.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-')),
                "filter.emailDomain", "emailDomain is a domain name such as example.com.")
            .When(f.CreatedAfter is { } after && f.CreatedBefore is { } before && after >= before, "filter.createdBefore", "createdBefore must be after createdAfter.")
            .ThrowIfInvalid();
        var filter = new UserFilter(UsersApi.Blank(f.TenantId), Enums.ParseOptional<PlatformUserStatus>("filter.status", f.Status), UsersApi.Blank(f.Role), null,
            f.CreatedAfter, f.CreatedBefore, domain);
        return filter.HasCriteria ? filter : throw AdminException.Validation("filter", "Give at least one filter criterion.");
    }

    /// <summary>Tenant ids as the tenants feature issues them: letters and digits only, so they are safe as storage keys.</summary>
    private static class TenantIds
    {
        public static bool IsValid(string id) => id.Length is > 0 and <= 64 && id.All(char.IsAsciiLetterOrDigit);
    }
}
