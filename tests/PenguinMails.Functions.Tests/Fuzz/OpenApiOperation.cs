using System.Text.Json;

namespace PenguinMails.Functions.Tests.Fuzz;

/// <summary>One operation of /api/openapi.json: its verb, path template, query parameters and request body properties.</summary>
public sealed record OpenApiOperation(string Method, string Path, IReadOnlyList<string> QueryParameters, IReadOnlyList<string> BodyProperties, bool HasBody)
{
    public static IReadOnlyList<OpenApiOperation> Read(JsonElement document)
    {
        var schemas = document.GetProperty("components").TryGetProperty("schemas", out var s) ? s : default;
        var operations = new List<OpenApiOperation>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var query = operation.Value.TryGetProperty("parameters", out var parameters)
                    ? parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() == "query").Select(p => p.GetProperty("name").GetString()!).ToList()
                    : [];
                var hasBody = operation.Value.TryGetProperty("requestBody", out var body);
                operations.Add(new OpenApiOperation(operation.Name.ToUpperInvariant(), path.Name, query, hasBody ? BodyPropertiesOf(body, schemas) : [], hasBody));
            }
        }
        return operations;
    }

    private static List<string> BodyPropertiesOf(JsonElement body, JsonElement schemas)
    {
        if (!body.TryGetProperty("content", out var content) || !content.TryGetProperty("application/json", out var json)
            || !json.TryGetProperty("schema", out var schema))
        {
            return [];
        }
        if (schema.TryGetProperty("$ref", out var reference) && schemas.ValueKind == JsonValueKind.Object)
        {
            schema = schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }
        return schema.TryGetProperty("properties", out var properties) ? properties.EnumerateObject().Select(p => p.Name).ToList() : [];
    }
}
