namespace PenguinMails.Admin.Audit;

/// <summary>
/// What a verification checked and found. <see cref="Valid"/>, <see cref="Checked"/> (events) and
/// <see cref="FirstBrokenEventId"/> are the original contract; the rest says what was covered and why it broke.
/// </summary>
public sealed record AuditVerification(bool Valid, int Checked, string? FirstBrokenEventId)
{
    public DateTimeOffset? From { get; init; }
    public DateTimeOffset? To { get; init; }

    /// <summary>Chains (writer lanes, and legacy per-day chains) that had events or digests in the range.</summary>
    public int Chains { get; init; }

    public int Segments { get; init; }
    public int Events => Checked;
    public int Digests { get; init; }
    public int IndexRows { get; init; }
    public int LegacySegments { get; init; }

    /// <summary>The newest signed digest: events appended after it are covered by their chain only.</summary>
    public DateTimeOffset? LastDigestAt { get; init; }

    public AuditBreak? FirstBroken { get; init; }
}
