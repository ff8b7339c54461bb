namespace PenguinMails.Functions.Http;

/// <summary>The OpenAPI document at /api/openapi.json, generated from the endpoints themselves.</summary>
public static class OpenApiDocument
{
    public const string Route = "/api/openapi.json";

    public static WebApplicationBuilder AddOpenApiDocument(this WebApplicationBuilder builder)
    {
        builder.Services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "PenguinMails Admin API";
                document.Info.Version = "v1";
                document.Info.Description = "The API the PenguinMails admin SPA is built against. Errors are RFC 9457 problems with a stable 'code'.";
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<PermissionOperationTransformer>();
            options.AddOperationTransformer<IfMatchOperationTransformer>();
            options.AddDocumentTransformer<BearerSecuritySchemeTransformer>();
        });
        return builder;
    }

    public static void MapOpenApiDocument(this WebApplication app) =>
        app.MapOpenApi(Route).WithName("GetOpenApiDocument").AllowAnonymous();
}
