namespace PenguinMails.Admin.Infrastructure.Secrets;

/// <summary>The local store's settings: <c>Secrets__LocalKey</c> (read by <see cref="SecretCipher"/>) and the soft-delete period.</summary>
public sealed class LocalVaultOptions
{
    /// <summary>Days a deleted secret stays recoverable (<c>Secrets__SoftDeleteRetentionDays</c>, 7 to 90 like Key Vault; default 90).</summary>
    public int SoftDeleteRetentionDays { get; set; } = 90;
}
