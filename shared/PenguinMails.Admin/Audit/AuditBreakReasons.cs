namespace PenguinMails.Admin.Audit;

/// <summary>The stable reasons a verification reports for its first broken link.</summary>
public static class AuditBreakReasons
{
    /// <summary>A gap: an event's sequence or link does not follow its predecessor, or a digested event is gone.</summary>
    public const string MissingEvent = "missing_event";

    /// <summary>An event's hash does not match its fields, or differs from the hash a signed digest recorded.</summary>
    public const string EditedEvent = "edited_event";

    /// <summary>A whole segment (or every event of it) is gone, or a segment does not start from its predecessor's final hash.</summary>
    public const string MissingSegment = "missing_segment";

    /// <summary>A digest's signature does not verify with the vault's key.</summary>
    public const string DigestSignatureBad = "digest_signature_bad";

    /// <summary>A digest does not name its predecessor's hash, or a digest is missing from the sequence.</summary>
    public const string DigestChainBroken = "digest_chain_broken";

    /// <summary>An index row that the audit viewer reads differs from the chain event it copies, or has no event.</summary>
    public const string IndexMismatch = "index_mismatch";
}
