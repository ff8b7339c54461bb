using System.Text.Json;
using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Infrastructure.DataProtection;

/// <summary>
/// One line of an audit archive (JSONL): every field of the event, with before and after kept as their exact raw
/// JSON text, so the archived chain re-hashes to the same values (<see cref="AuditChain.FindFirstBroken"/>).
/// </summary>
public sealed record AuditArchiveLine(
    string Id, string Partition, long Sequence, DateTimeOffset Time, string ActorId, string ActorEmail, string Action, string TargetType,
    string TargetId, string? Before, string? After, string? Reason, string Outcome, string? IpAddress, string? UserAgent, string? CorrelationId,
    string PreviousHash, string Hash)
{
    public static AuditArchiveLine From(AuditEvent e) => new(e.Id, e.Partition, e.Sequence, e.Time, e.ActorId, e.ActorEmail, e.Action, e.TargetType,
        e.TargetId, e.Before?.GetRawText(), e.After?.GetRawText(), e.Reason, e.Outcome, e.IpAddress, e.UserAgent, e.CorrelationId, e.PreviousHash, e.Hash);

    public AuditEvent ToEvent() => new(Id, Partition, Sequence, Time, ActorId, ActorEmail, Action, TargetType, TargetId, Json(Before), Json(After),
        Reason, Outcome, IpAddress, UserAgent, CorrelationId, PreviousHash, Hash);

    public string Serialize() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static AuditArchiveLine Parse(string line) =>
        JsonSerializer.Deserialize<AuditArchiveLine>(line, JsonSerializerOptions.Web) ?? throw new FormatException("Empty audit archive line.");

    /// <summary>Reads a whole archive back as events in chain order.</summary>
    public static async Task<IReadOnlyList<AuditEvent>> ReadAllAsync(Stream archive, CancellationToken cancellationToken = default)
    {
        var events = new List<AuditEvent>();
        using var reader = new StreamReader(archive);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length > 0)
            {
                events.Add(Parse(line).ToEvent());
            }
        }
        return events;
    }

    private static JsonElement? Json(string? raw) => raw is null ? null : JsonDocument.Parse(raw).RootElement.Clone();
}
