using System.Text.Json;
using System.Text.Json.Serialization;
using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Settings;

/// <summary>The settings sections, each with its typed schema and built-in default. Values are parsed strictly: unknown or missing fields fail.</summary>
public static class SettingsSections
{
    public const string EmailDomains = "email-domains";
    public const string Deliverability = "deliverability";
    public const string Monitoring = "monitoring";
    public const string SecurityAlerts = "security-alerts";

    private static readonly Dictionary<string, (Type Type, ISettingsValues Default)> Schemas = new(StringComparer.Ordinal)
    {
        [EmailDomains] = (typeof(EmailDomainsSettings), EmailDomainsSettings.Default),
        [Deliverability] = (typeof(DeliverabilitySettings), DeliverabilitySettings.Default),
        [Monitoring] = (typeof(MonitoringSettings), MonitoringSettings.Default),
        [SecurityAlerts] = (typeof(SecurityAlertSettings), SecurityAlertSettings.Default),
    };

    public static IReadOnlyList<string> All { get; } = [EmailDomains, Deliverability, Monitoring, SecurityAlerts];

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
    };

    public static bool Exists(string section) => Schemas.ContainsKey(section);

    public static void EnsureExists(string section)
    {
        if (!Exists(section))
        {
            throw AdminException.NotFound("Settings section", section);
        }
    }

    public static JsonElement DefaultValues(string section) => Serialize(section, Schemas[section].Default);

    /// <summary>The section's values as stored and shown; <paramref name="values"/> must be the section's record.</summary>
    public static JsonElement Serialize(string section, ISettingsValues values)
    {
        var type = Schemas[section].Type;
        return values.GetType() == type
            ? JsonSerializer.SerializeToElement(values, type, Json)
            : throw new InvalidOperationException($"The {section} section holds {type.Name}, not {values.GetType().Name}.");
    }

    /// <summary>Parses <paramref name="values"/> into the section's record, checks its rules, and returns it re-serialized (normalized).</summary>
    public static JsonElement Validate(string section, JsonElement values)
    {
        var type = Schemas[section].Type;
        ISettingsValues parsed;
        try
        {
            parsed = values.ValueKind == JsonValueKind.Object
                ? (ISettingsValues)(values.Deserialize(type, Json) ?? throw new JsonException("null"))
                : throw new JsonException("The values must be a JSON object.");
        }
        catch (JsonException e)
        {
            var path = string.IsNullOrEmpty(e.Path) || e.Path == "$" ? "values" : "values" + e.Path[1..];
            throw AdminException.Validation(path, Shape(e));
        }
        var validator = new Validator();
        parsed.Validate(validator);
        validator.ThrowIfInvalid();
        return JsonSerializer.SerializeToElement(parsed, type, Json);
    }

    public static T Read<T>(JsonElement values) where T : ISettingsValues => values.Deserialize<T>(Json)!;

    // The serializer's messages name CLR types; keep only what a caller can act on.
    private static string Shape(JsonException e) => e.Message switch
    {
        var m when m.Contains("could not be mapped", StringComparison.Ordinal) => "Unknown field.",
        var m when m.Contains("missing required", StringComparison.OrdinalIgnoreCase) => "A required field is missing: " + m[(m.LastIndexOf(':') + 1)..].Trim(),
        var m when m.Contains("must be a JSON object", StringComparison.Ordinal) => m,
        _ => "Wrong type or null where a value is required.",
    };
}
