using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PenguinMails.Admin.Audit;

/// <summary>
/// The hash chain: each event's hash is SHA-256 over its canonical fields and its predecessor's hash,
/// so editing, removing or reordering any event breaks every hash after it.
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    public static string ComputeHash(AuditEvent e)
    {
        var canonical = string.Join('\n',
            e.Id, e.Partition, e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), e.Time.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
            e.ActorId, e.ActorEmail, e.Action, e.TargetType, e.TargetId, Raw(e.Before), Raw(e.After), e.Reason ?? "\u2400",
            e.Outcome, e.IpAddress ?? "\u2400", e.UserAgent ?? "\u2400", e.CorrelationId ?? "\u2400", e.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>Checks one partition's events in sequence order; returns the first broken event's id, or null.</summary>
    public static string? FindFirstBroken(IReadOnlyList<AuditEvent> ordered, long expectedFirstSequence = 1, string? previousHash = null) =>
        FindBreak(ordered, expectedFirstSequence, previousHash ?? Genesis)?.EventId;

    /// <summary>
    /// Checks one segment's events in sequence order, starting from <paramref name="previousHash"/> (the previous
    /// segment's final hash). An event whose own hash is wrong was edited; a gap in sequence or link means an event
    /// before it is missing (or was moved).
    /// </summary>
    public static AuditBreak? FindBreak(IReadOnlyList<AuditEvent> ordered, long expectedFirstSequence, string previousHash)
    {
        var previous = previousHash;
        var sequence = expectedFirstSequence;
        foreach (var e in ordered)
        {
            if (ComputeHash(e) != e.Hash)
            {
                return new AuditBreak(AuditBreakReasons.EditedEvent, e.Id, e.Partition, $"Event {e.Partition}/{e.Sequence} does not hash to its stored hash.");
            }
            if (e.Sequence != sequence || e.PreviousHash != previous)
            {
                return new AuditBreak(AuditBreakReasons.MissingEvent, e.Id, e.Partition,
                    $"Event {e.Partition}/{e.Sequence} does not follow sequence {sequence - 1} and its hash.");
            }
            previous = e.Hash;
            sequence++;
        }
        return null;
    }

    private static string Raw(JsonElement? element) => element?.GetRawText() ?? "\u2400";
}
