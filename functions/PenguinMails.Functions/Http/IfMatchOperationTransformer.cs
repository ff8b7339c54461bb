using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace PenguinMails.Functions.Http;

/// <summary>Documents the optional If-Match header on every PUT, PATCH and DELETE (a stale ETag is 412).</summary>
public sealed class IfMatchOperationTransformer : IOpenApiOperationTransformer
{
    private static readonly HashSet<string> Methods = new(StringComparer.OrdinalIgnoreCase) { "PUT", "PATCH", "DELETE" };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (Methods.Contains(context.Description.HttpMethod ?? ""))
        {
            operation.Parameters ??= [];
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = "If-Match",
                In = ParameterLocation.Header,
                Required = false,
                Description = "The ETag from a GET; if the resource changed since, the answer is 412 precondition_failed.",
                Schema = new OpenApiSchema { Type = JsonSchemaType.String },
            });
        }
        return Task.CompletedTask;
    }
}
