using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Http;

/// <summary>Documents each operation's required permission (x-permission) and bearer security.</summary>
public sealed class PermissionOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var permission = context.Description.ActionDescriptor.EndpointMetadata.OfType<PermissionMetadata>().FirstOrDefault();
        if (permission is not null)
        {
            operation.Extensions ??= new Dictionary<string, IOpenApiExtension>();
            operation.Extensions["x-permission"] = new JsonNodeExtension(JsonValue.Create(permission.Permission));
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", context.Document)] = [] });
        }
        return Task.CompletedTask;
    }
}
