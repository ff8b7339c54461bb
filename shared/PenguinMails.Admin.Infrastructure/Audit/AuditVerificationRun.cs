using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>What one verification has checked so far, and the first break it found.</summary>
internal sealed class AuditVerificationRun(DateTimeOffset from, DateTimeOffset to)
{
    public DateTimeOffset From => from;
    public DateTimeOffset To => to;
    public int Chains { get; set; }
    public int Segments { get; set; }
    public int LegacySegments { get; set; }
    public int Digests { get; set; }
    public int IndexRows { get; set; }
    public DateTimeOffset? LastDigestAt { get; set; }
    public AuditBreak? FirstBroken { get; private set; }

    /// <summary>Every chain event read, by id: what the index rows are checked against.</summary>
    public Dictionary<string, AuditEvent> Events { get; } = new(StringComparer.Ordinal);

    /// <summary>Events read back from a retention archive: their index rows were deleted with them.</summary>
    public HashSet<string> Archived { get; } = new(StringComparer.Ordinal);

    public void AddEvents(IEnumerable<AuditEvent> events, bool archived = false)
    {
        foreach (var e in events)
        {
            Events.TryAdd(e.Id, e);
            if (archived)
            {
                Archived.Add(e.Id);
            }
        }
    }

    /// <summary>Keeps the first break only; later ones are usually its consequences.</summary>
    public void Break(AuditBreak broken) => FirstBroken ??= broken;

    public AuditVerification Result() => new(FirstBroken is null, Events.Count, FirstBroken?.EventId ?? FirstBroken?.Segment)
    {
        From = from,
        To = to,
        Chains = Chains,
        Segments = Segments,
        LegacySegments = LegacySegments,
        Digests = Digests,
        IndexRows = IndexRows,
        LastDigestAt = LastDigestAt,
        FirstBroken = FirstBroken,
    };
}
