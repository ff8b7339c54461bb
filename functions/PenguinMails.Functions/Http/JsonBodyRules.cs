using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Unicode;
using PenguinMails.Admin.Common;

namespace PenguinMails.Functions.Http;

/// <summary>
/// Checks a JSON request body before binding: valid UTF-8 and well-formed JSON (else 400 malformed_json, so an
/// invalid byte can never surface later as a transcoding error), top-level id fields in the id format, and the
/// request type's date fields in range (else 400 validation_failed). The body is buffered and rewound for binding.
/// </summary>
public static class JsonBodyRules
{
    private const int MaxDepth = 64;

    public static async Task CheckAsync(HttpContext context, Type requestType, long maxBytes)
    {
        var request = context.Request;
        if (request.ContentType is not { } contentType || !contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            || request.ContentLength is 0 || request.ContentLength > maxBytes)
        {
            return;
        }
        request.EnableBuffering();
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, context.RequestAborted);
        request.Body.Position = 0;
        if (buffer.Length == 0)
        {
            return;
        }
        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (!Utf8.IsValid(bytes.Span))
        {
            throw Malformed("The body is not valid UTF-8.");
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(bytes, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            throw Malformed($"The body is not well-formed JSON (or is nested deeper than {MaxDepth} levels).");
        }
        using (document)
        {
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                CheckFields(document.RootElement, requestType);
            }
        }
    }

    private static void CheckFields(JsonElement body, Type requestType)
    {
        var dates = requestType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) == typeof(DateTimeOffset))
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)).ToHashSet(StringComparer.Ordinal);
        var errors = new Validator();
        foreach (var field in body.EnumerateObject())
        {
            if (InputRules.IsIdName(field.Name))
            {
                var values = field.Value.ValueKind switch
                {
                    JsonValueKind.String => [field.Value],
                    JsonValueKind.Array => field.Value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).ToList(),
                    _ => new List<JsonElement>(),
                };
                errors.When(values.Any(v => v.GetString() is { Length: > 0 } id && !InputRules.IsId(id)), field.Name, $"{field.Name} is not a valid id.");
            }
            else if (dates.Contains(field.Name) && field.Value.ValueKind == JsonValueKind.String
                && DateTimeOffset.TryParse(field.Value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
            {
                errors.When(!InputRules.IsWithinDateRange(date), field.Name, InputRules.DateRangeMessage(field.Name));
            }
        }
        errors.ThrowIfInvalid();
    }

    private static AdminException Malformed(string detail) => AdminException.BadRequest("malformed_json", detail);
}
