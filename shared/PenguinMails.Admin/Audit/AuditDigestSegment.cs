namespace PenguinMails.Admin.Audit;

/// <summary>One segment's state in a digest: its last sequence and hash, and its event count, when the digest was written.</summary>
public sealed record AuditDigestSegment(string Segment, long LastSequence, string LastHash, long Count, bool Closed)
{
    public string Canonical() => string.Join('|', Segment, LastSequence.ToString(System.Globalization.CultureInfo.InvariantCulture), LastHash,
        Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Closed ? "1" : "0");
}
