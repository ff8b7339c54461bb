using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>
/// The canonical JSON form of a report: camelCase, properties in declaration order, no whitespace, UTC timestamps in
/// ISO 8601. The same document always serializes to the same bytes, so its SHA-256 identifies it.
/// </summary>
public static class ReportJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    public static byte[] Serialize(ComplianceReport report) => JsonSerializer.SerializeToUtf8Bytes(report, Options);

    public static ComplianceReport Deserialize(ReadOnlySpan<byte> json) =>
        JsonSerializer.Deserialize<ComplianceReport>(json, Options) ?? throw new JsonException("Empty report document.");

    public static string Sha256(ReadOnlySpan<byte> json) => Convert.ToHexStringLower(SHA256.HashData(json));
}
