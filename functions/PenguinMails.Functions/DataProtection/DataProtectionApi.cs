using PenguinMails.Admin.Common;
using PenguinMails.Admin.DataProtection;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Common;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.DataProtection;

/// <summary>
/// The <c>data-protection</c> settings section. Its routes are literal, so they take precedence over the generic
/// <c>/api/settings/{section}</c> routes of the other sections.
/// </summary>
public static class DataProtectionApi
{
    public static void MapDataProtectionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings/" + DataProtectionService.Section).WithTags("Settings");
        group.MapGet("/", GetSettings).WithName("GetDataProtectionSettings").RequirePermission(Permissions.SettingsRead);
        group.MapPut("/", UpdateSettings).WithName("UpdateDataProtectionSettings").RequirePermission(Permissions.SettingsManage);
        group.MapGet("/versions", ListVersions).WithName("ListDataProtectionSettingsVersions").RequirePermission(Permissions.SettingsRead);
        group.MapPost("/rollback", Rollback).WithName("RollbackDataProtectionSettings").RequirePermission(Permissions.SettingsManage);
    }

    private static async Task<Ok<DataProtectionSettingsResponse>> GetSettings(DataProtectionService service, HttpResponse response,
        CancellationToken cancellationToken) =>
        Respond(await service.GetAsync(cancellationToken), service, response);

    private static async Task<Ok<DataProtectionSettingsResponse>> UpdateSettings(UpdateDataProtectionRequest request, DataProtectionService service,
        Actor actor, HttpRequest http, CancellationToken cancellationToken) =>
        Respond(await service.UpdateAsync(actor, request.Values?.RetentionDays?.ToDomain(), http.IfMatch(), request.Reason, cancellationToken), service,
            http.HttpContext.Response);

    private static async Task<Ok<Page<DataProtectionVersionResponse>>> ListVersions(DataProtectionService service, int? pageSize, string? cursor,
        CancellationToken cancellationToken) =>
        TypedResults.Ok((await service.ListVersionsAsync(PageRequest.From(pageSize, cursor), cancellationToken)).Map(DataProtectionVersionResponse.From));

    private static async Task<Ok<DataProtectionSettingsResponse>> Rollback(RollbackDataProtectionRequest request, DataProtectionService service, Actor actor,
        HttpResponse response, CancellationToken cancellationToken) =>
        Respond(await service.RollbackAsync(actor, request.Version, request.Reason, cancellationToken), service, response);

    private static Ok<DataProtectionSettingsResponse> Respond(Versioned<DataProtectionSettingsVersion> current, DataProtectionService service,
        HttpResponse response)
    {
        response.SetETag(current.ETag);
        var v = current.Value;
        return TypedResults.Ok(new DataProtectionSettingsResponse(DataProtectionService.Section, v.Version, DataProtectionValues.From(v),
            service.Encryption(), v.Version == 0 ? null : v.UpdatedAt, v.Version == 0 ? null : v.UpdatedBy, v.Reason));
    }
}
