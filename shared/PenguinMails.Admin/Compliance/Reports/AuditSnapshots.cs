using System.Text.Json;

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>Reads the before/after snapshots that staff actions record in the audit log.</summary>
internal static class AuditSnapshots
{
    public static IReadOnlyList<string>? Roles(JsonElement? snapshot) =>
        snapshot is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty("roles", out var roles) && roles.ValueKind == JsonValueKind.Array
            ? roles.EnumerateArray().Where(r => r.ValueKind == JsonValueKind.String).Select(r => r.GetString()!).ToList()
            : null;

    public static string? Text(JsonElement? snapshot, string property) =>
        snapshot is { ValueKind: JsonValueKind.Object } s && s.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;
}
