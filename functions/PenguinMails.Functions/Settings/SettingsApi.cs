using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Settings;
using PenguinMails.Functions.Common;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Settings;

/// <summary>Versioned platform settings (Journey 2).</summary>
public static class SettingsApi
{
    public static void MapSettingsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/settings").WithTags("Settings");
        group.MapGet("/", ListSettings).WithName("ListSettings").RequirePermission(Permissions.SettingsRead);
        group.MapGet("/{section}", GetSettings).WithName("GetSettings").RequirePermission(Permissions.SettingsRead);
        group.MapPut("/{section}", UpdateSettings).WithName("UpdateSettings").RequirePermission(Permissions.SettingsManage);
        group.MapGet("/{section}/versions", ListVersions).WithName("ListSettingsVersions").RequirePermission(Permissions.SettingsRead);
        group.MapPost("/{section}/rollback", Rollback).WithName("RollbackSettings").RequirePermission(Permissions.SettingsManage);
    }

    private static async Task<Ok<SettingsOverviewResponse>> ListSettings(SettingsService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(new SettingsOverviewResponse((await service.GetAllAsync(cancellationToken)).Select(SettingsSectionResponse.From).ToList()));

    private static async Task<Ok<SettingsSectionResponse>> GetSettings(string section, SettingsService service, HttpResponse response,
        CancellationToken cancellationToken) =>
        Versioned(response, await service.GetAsync(section, cancellationToken));

    private static async Task<Ok<SettingsSectionResponse>> UpdateSettings(string section, UpdateSettingsRequest request, SettingsService service, Actor actor,
        HttpRequest http, CancellationToken cancellationToken) =>
        Versioned(http.HttpContext.Response, await service.UpdateAsync(actor, section, request.Values, http.IfMatch(), request.Reason, cancellationToken));

    private static async Task<Ok<Page<SettingsVersionResponse>>> ListVersions(string section, SettingsService service, int? pageSize, string? cursor,
        CancellationToken cancellationToken) =>
        TypedResults.Ok((await service.ListVersionsAsync(section, PageRequest.From(pageSize, cursor), cancellationToken)).Map(SettingsVersionResponse.From));

    private static async Task<Ok<SettingsSectionResponse>> Rollback(string section, RollbackSettingsRequest request, SettingsService service, Actor actor,
        HttpResponse response, CancellationToken cancellationToken) =>
        Versioned(response, await service.RollbackAsync(actor, section, request.Version, request.Reason, cancellationToken));

    private static Ok<SettingsSectionResponse> Versioned(HttpResponse response, SettingsVersion version)
    {
        response.SetETag(SettingsService.ETagOf(version));
        return TypedResults.Ok(SettingsSectionResponse.From(version));
    }
}
