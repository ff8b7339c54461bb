namespace PenguinMails.Admin.Audit;

/// <summary>
/// Signs audit digests with a key that the storage account does not hold (a vault secret), so whoever can write the
/// audit tables and blobs still cannot write a digest that verifies.
/// </summary>
public interface IAuditDigestSigner
{
    /// <summary>The current key's id, which a digest names before it is signed (the key is created on first use).</summary>
    Task<string> CurrentKeyIdAsync(CancellationToken cancellationToken = default);

    /// <summary>Signs <paramref name="canonical"/> with the key <paramref name="keyId"/>; returns the signature as lower-case hex.</summary>
    Task<string> SignAsync(string canonical, string keyId, CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="signature"/> is the key <paramref name="keyId"/>'s signature of <paramref name="canonical"/>, compared in constant time.</summary>
    Task<bool> VerifyAsync(string canonical, string keyId, string signature, CancellationToken cancellationToken = default);
}
