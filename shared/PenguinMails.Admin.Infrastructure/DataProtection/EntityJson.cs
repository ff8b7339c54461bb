using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;

namespace PenguinMails.Admin.Infrastructure.DataProtection;

/// <summary>
/// A table row as one line of JSON with every property's EDM type, so a restore writes back exactly the types
/// that were read (Int32 stays Int32, binary stays binary). The service-set Timestamp and ETag are not kept.
/// </summary>
public static class EntityJson
{
    public static void Write(Utf8JsonWriter writer, TableEntity entity)
    {
        writer.WriteStartObject();
        writer.WriteString("pk", entity.PartitionKey);
        writer.WriteString("rk", entity.RowKey);
        writer.WriteStartObject("props");
        foreach (var (name, value) in entity.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (name is "PartitionKey" or "RowKey" or "Timestamp" or "odata.etag" || value is null)
            {
                continue;
            }
            var (type, text) = Encode(value);
            writer.WriteStartArray(name);
            writer.WriteStringValue(type);
            writer.WriteStringValue(text);
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    public static TableEntity Read(string line)
    {
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        var entity = new TableEntity(root.GetProperty("pk").GetString(), root.GetProperty("rk").GetString());
        foreach (var property in root.GetProperty("props").EnumerateObject())
        {
            entity[property.Name] = Decode(property.Value[0].GetString()!, property.Value[1].GetString()!);
        }
        return entity;
    }

    private static (string Type, string Text) Encode(object value) => value switch
    {
        string s => ("String", s),
        bool b => ("Boolean", b ? "true" : "false"),
        int i => ("Int32", i.ToString(CultureInfo.InvariantCulture)),
        long l => ("Int64", l.ToString(CultureInfo.InvariantCulture)),
        double d => ("Double", d.ToString("R", CultureInfo.InvariantCulture)),
        DateTimeOffset t => ("DateTime", t.UtcDateTime.ToString("O", CultureInfo.InvariantCulture)),
        DateTime t => ("DateTime", t.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
        Guid g => ("Guid", g.ToString("D")),
        byte[] bytes => ("Binary", Convert.ToBase64String(bytes)),
        BinaryData data => ("Binary", Convert.ToBase64String(data.ToArray())),
        _ => throw new NotSupportedException($"Table property type {value.GetType().Name} is not supported by the backup format."),
    };

    private static object Decode(string type, string text) => type switch
    {
        "String" => text,
        "Boolean" => text == "true",
        "Int32" => int.Parse(text, CultureInfo.InvariantCulture),
        "Int64" => long.Parse(text, CultureInfo.InvariantCulture),
        "Double" => double.Parse(text, CultureInfo.InvariantCulture),
        "DateTime" => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal),
        "Guid" => Guid.Parse(text),
        "Binary" => Convert.FromBase64String(text),
        _ => throw new FormatException($"Unknown property type '{type}' in the backup."),
    };
}
