using Microsoft.AspNetCore.Mvc;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.FeatureFlags;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Common;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.FeatureFlags;

/// <summary>Feature flags: management and evaluation (Journey 2).</summary>
public static class FeatureFlagsApi
{
    public static void MapFeatureFlagsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/flags").WithTags("Feature flags");
        group.MapGet("/", ListFlags).WithName("ListFlags").RequirePermission(Permissions.FlagsRead);
        group.MapPost("/", CreateFlag).WithName("CreateFlag").RequirePermission(Permissions.FlagsManage);
        group.MapGet("/evaluate", EvaluateFlags).WithName("EvaluateFlags").RequirePermission(Permissions.FlagsRead);
        group.MapGet("/{key}", GetFlag).WithName("GetFlag").RequirePermission(Permissions.FlagsRead);
        group.MapPut("/{key}", UpdateFlag).WithName("UpdateFlag").RequirePermission(Permissions.FlagsManage);
        group.MapDelete("/{key}", DeleteFlag).WithName("DeleteFlag").RequirePermission(Permissions.FlagsManage);
    }

    private static async Task<Ok<Page<FeatureFlagResponse>>> ListFlags(FeatureFlagService service, int? pageSize, string? cursor,
        CancellationToken cancellationToken) =>
        TypedResults.Ok((await service.ListAsync(PageRequest.From(pageSize, cursor), cancellationToken)).Map(FeatureFlagResponse.From));

    private static async Task<Created<FeatureFlagResponse>> CreateFlag(CreateFlagRequest request, FeatureFlagService service, Actor actor,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var created = await service.CreateAsync(actor, request.Key, request.Definition, request.Reason, cancellationToken);
        response.SetETag(created.ETag);
        return TypedResults.Created($"/api/flags/{created.Value.Key}", FeatureFlagResponse.From(created.Value));
    }

    private static async Task<Ok<FlagEvaluationResponse>> EvaluateFlags(FeatureFlagService service, string? tenantId, string? userId,
        CancellationToken cancellationToken)
    {
        var decisions = await service.EvaluateAsync(tenantId, userId, cancellationToken);
        return TypedResults.Ok(new FlagEvaluationResponse(decisions.ToDictionary(d => d.Key, d => new FlagDecisionResponse(d.Value.Enabled, d.Value.Reason))));
    }

    private static async Task<Ok<FeatureFlagResponse>> GetFlag(string key, FeatureFlagService service, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var flag = await service.GetAsync(key, cancellationToken);
        response.SetETag(flag.ETag);
        return TypedResults.Ok(FeatureFlagResponse.From(flag.Value));
    }

    private static async Task<Ok<FeatureFlagResponse>> UpdateFlag(string key, UpdateFlagRequest request, FeatureFlagService service, Actor actor,
        HttpRequest http, CancellationToken cancellationToken)
    {
        var updated = await service.UpdateAsync(actor, key, request.Definition, http.IfMatch(), request.Reason, cancellationToken);
        http.HttpContext.Response.SetETag(updated.ETag);
        return TypedResults.Ok(FeatureFlagResponse.From(updated.Value));
    }

    private static async Task<NoContent> DeleteFlag(string key, [FromBody] FlagReasonRequest? request, FeatureFlagService service, Actor actor,
        HttpRequest http, CancellationToken cancellationToken)
    {
        await service.DeleteAsync(actor, key, http.IfMatch(), request?.Reason, cancellationToken);
        return TypedResults.NoContent();
    }
}
