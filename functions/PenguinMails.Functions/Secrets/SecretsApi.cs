using Microsoft.AspNetCore.Mvc;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Secrets;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Common;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Secrets;

/// <summary>Vault management (Journey 3). Lists and reads carry metadata only; a value leaves only through reveal.</summary>
public static class SecretsApi
{
    public static void MapSecretsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin/secrets").WithTags("Secrets");
        group.MapGet("/", ListSecrets).WithName("ListSecrets").RequirePermission(Permissions.SecretsRead);
        group.MapPost("/", CreateSecret).WithName("CreateSecret").RequirePermission(Permissions.SecretsManage);
        group.MapGet("/{name}", GetSecret).WithName("GetSecret").RequirePermission(Permissions.SecretsRead);
        group.MapPut("/{name}", RotateSecret).WithName("RotateSecret").RequirePermission(Permissions.SecretsManage);
        group.MapPatch("/{name}", UpdateSecret).WithName("UpdateSecret").RequirePermission(Permissions.SecretsManage);
        group.MapDelete("/{name}", DeleteSecret).WithName("DeleteSecret").RequirePermission(Permissions.SecretsManage);
        group.MapPost("/{name}/reveal", RevealSecret).WithName("RevealSecret").RequirePermission(Permissions.SecretsReveal);
        group.MapGet("/{name}/versions", ListSecretVersions).WithName("ListSecretVersions").RequirePermission(Permissions.SecretsRead);
        group.MapPost("/{name}/recover", RecoverSecret).WithName("RecoverSecret").RequirePermission(Permissions.SecretsManage);
        app.MapGet("/api/admin/deleted-secrets", ListDeletedSecrets).WithName("ListDeletedSecrets").WithTags("Secrets")
            .RequirePermission(Permissions.SecretsRead);
    }

    private static async Task<Ok<Page<SecretResponse>>> ListSecrets(SecretService service, TimeProvider time, int? pageSize, string? cursor,
        CancellationToken cancellationToken)
    {
        var page = await service.ListAsync(PageRequest.From(pageSize, cursor), cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(page.Map(p => SecretResponse.From(p, now)));
    }

    private static async Task<Created<SecretResponse>> CreateSecret(CreateSecretRequest request, SecretService service, Actor actor, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var created = await service.CreateAsync(actor, request.Name, request.Value, request.ContentType, request.Tags, request.ExpiresOn, request.Reason,
            cancellationToken);
        return TypedResults.Created($"/api/admin/secrets/{created.Name}", SecretResponse.From(created, time.GetUtcNow()));
    }

    private static async Task<Ok<SecretResponse>> GetSecret(string name, SecretService service, TimeProvider time, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var secret = await service.GetAsync(name, cancellationToken);
        response.SetETag(secret.ETag);
        return TypedResults.Ok(SecretResponse.From(secret, time.GetUtcNow()));
    }

    private static async Task<Ok<SecretResponse>> RotateSecret(string name, RotateSecretRequest request, SecretService service, Actor actor,
        TimeProvider time, HttpRequest http, CancellationToken cancellationToken)
    {
        var rotated = await service.RotateAsync(actor, name, request.Value, request.ExpiresOn, http.IfMatch(), request.Reason, cancellationToken);
        http.HttpContext.Response.SetETag(rotated.ETag);
        return TypedResults.Ok(SecretResponse.From(rotated, time.GetUtcNow()));
    }

    private static async Task<Ok<SecretResponse>> UpdateSecret(string name, UpdateSecretRequest request, SecretService service, Actor actor,
        TimeProvider time, HttpRequest http, CancellationToken cancellationToken)
    {
        var update = new SecretPropertiesUpdate(request.Enabled, request.ContentType, request.Tags, request.ExpiresOn);
        var updated = await service.UpdateAsync(actor, name, update, http.IfMatch(), request.Reason, cancellationToken);
        http.HttpContext.Response.SetETag(updated.ETag);
        return TypedResults.Ok(SecretResponse.From(updated, time.GetUtcNow()));
    }

    /// <summary>A soft delete; the body with an optional reason may be left out.</summary>
    private static async Task<NoContent> DeleteSecret(string name, [FromBody] ReasonBody? request, SecretService service, Actor actor, HttpRequest http,
        CancellationToken cancellationToken)
    {
        await service.DeleteAsync(actor, name, http.IfMatch(), request?.Reason, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<RevealedSecretResponse>> RevealSecret(string name, RevealSecretRequest request, SecretRevealService service, Actor actor,
        HttpResponse response, CancellationToken cancellationToken)
    {
        var revealed = await service.RevealAsync(actor, name, request.Version, request.Reason, cancellationToken);
        // The value is shown once, to this caller: no cache on the way may keep it.
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        return TypedResults.Ok(new RevealedSecretResponse(revealed.Name, revealed.Version, revealed.Value));
    }

    private static async Task<Ok<Page<SecretResponse>>> ListSecretVersions(string name, SecretService service, TimeProvider time, int? pageSize,
        string? cursor, CancellationToken cancellationToken)
    {
        var page = await service.ListVersionsAsync(name, PageRequest.From(pageSize, cursor), cancellationToken);
        var now = time.GetUtcNow();
        return TypedResults.Ok(page.Map(p => SecretResponse.From(p, now)));
    }

    private static async Task<Ok<SecretResponse>> RecoverSecret(string name, [FromBody] ReasonBody? request, SecretService service, Actor actor,
        TimeProvider time, CancellationToken cancellationToken) =>
        TypedResults.Ok(SecretResponse.From(await service.RecoverAsync(actor, name, request?.Reason, cancellationToken), time.GetUtcNow()));

    private static async Task<Ok<Page<DeletedSecretResponse>>> ListDeletedSecrets(SecretService service, int? pageSize, string? cursor,
        CancellationToken cancellationToken) =>
        TypedResults.Ok((await service.ListDeletedAsync(PageRequest.From(pageSize, cursor), cancellationToken)).Map(DeletedSecretResponse.From));
}
