using System.Text.Json;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Audit;

/// <summary>What a feature records about a change: who, what, on what, before and after, and why.</summary>
public sealed record AuditEntry(
    Actor Actor,
    string Action,
    string TargetType,
    string TargetId,
    JsonElement? Before = null,
    JsonElement? After = null,
    string? Reason = null,
    string Outcome = "success")
{
    public static JsonElement? Snapshot<T>(T? value) =>
        value is null ? null : JsonSerializer.SerializeToElement(value, JsonSerializerOptions.Web);
}
