using System.Security.Cryptography;
using System.Text;

namespace PenguinMails.Admin.Audit;

/// <summary>
/// A signed digest of the audit chains: every segment that changed since the previous digest, and that digest's hash,
/// so digests form a chain of their own. <see cref="Canonical"/> is what is hashed and signed (scripts/verify_audit_export.py
/// rebuilds it byte for byte); <see cref="Time"/> is kept as its ISO 8601 text for the same reason.
/// </summary>
public sealed record AuditDigest(long Sequence, string Time, string Trigger, string PreviousDigestHash, IReadOnlyList<AuditDigestSegment> Segments,
    string KeyId, string Signature)
{
    public const string Format = "penguinmails-audit-digest/1";

    public string Canonical()
    {
        var text = new StringBuilder().Append(Format).Append('\n')
            .Append(Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append('\n')
            .Append(Time).Append('\n').Append(Trigger).Append('\n').Append(PreviousDigestHash).Append('\n').Append(KeyId);
        foreach (var segment in Segments.OrderBy(s => s.Segment, StringComparer.Ordinal))
        {
            text.Append('\n').Append(segment.Canonical());
        }
        return text.ToString();
    }

    /// <summary>The digest's own hash, which the next digest names. The signature is not part of it: it signs the same text.</summary>
    public string Hash() => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical())));

    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
