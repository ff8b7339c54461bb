using System.Text.Json;
using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>One digest as a JSON line (the digest blobs and the nightly export's digests file). <c>hash</c> is what the next digest names.</summary>
public sealed record AuditDigestLine(string Type, long Sequence, string Time, string Trigger, string PreviousDigestHash,
    IReadOnlyList<AuditDigestSegment> Segments, string KeyId, string Signature, string Hash)
{
    public const string DigestType = "digest";

    public static AuditDigestLine From(AuditDigest d) =>
        new(DigestType, d.Sequence, d.Time, d.Trigger, d.PreviousDigestHash, d.Segments, d.KeyId, d.Signature, d.Hash());

    public AuditDigest ToDigest() => new(Sequence, Time, Trigger, PreviousDigestHash, Segments, KeyId, Signature);

    public string Serialize() => JsonSerializer.Serialize(this, JsonSerializerOptions.Web);

    public static AuditDigestLine Parse(string line) =>
        JsonSerializer.Deserialize<AuditDigestLine>(line, JsonSerializerOptions.Web) ?? throw new FormatException("Empty audit digest line.");
}
