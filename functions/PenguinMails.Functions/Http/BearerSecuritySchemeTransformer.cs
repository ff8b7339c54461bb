using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PenguinMails.Functions.Http;

/// <summary>Declares the platform session token as the bearer scheme.</summary>
public sealed class BearerSecuritySchemeTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(Microsoft.OpenApi.OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "A platform session token from POST /api/auth/google or bootstrap-admin.",
        };
        return Task.CompletedTask;
    }
}
