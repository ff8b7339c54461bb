namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>The <c>Audit</c> settings.</summary>
public sealed class AuditOptions
{
    /// <summary>
    /// <c>Audit__Lanes</c>: how many chains appends are spread over (1 to 64, default 8). Each process writes to the
    /// lane that is free, so writers don't queue on one head row. Raising it adds lanes; lowering it leaves the
    /// higher lanes closed (still verified).
    /// </summary>
    public int Lanes { get; set; } = 8;

    /// <summary><c>Audit__DigestKeyName</c>: the vault secret holding the HMAC key that signs digests.</summary>
    public string DigestKeyName { get; set; } = "audit-digest-key";
}
