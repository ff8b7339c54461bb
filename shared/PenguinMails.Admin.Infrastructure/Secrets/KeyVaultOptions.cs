namespace PenguinMails.Admin.Infrastructure.Secrets;

/// <summary>The <c>Vault</c> settings for the Key Vault adapter (<c>Secrets__Kind=KeyVault</c>).</summary>
public sealed class KeyVaultOptions
{
    /// <summary><c>Vault__Uri</c>: the vault's URI, e.g. https://kv-name.vault.azure.net/.</summary>
    public Uri? Uri { get; set; }

    /// <summary>Retries on 408, 429 and 5xx with exponential backoff; a Retry-After header is honoured.</summary>
    public int MaxRetries { get; set; } = 5;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Skips the check that the bearer challenge's resource is a Key Vault domain. Only for vaults behind a
    /// custom domain, and for the in-process fake in tests.
    /// </summary>
    public bool DisableChallengeResourceVerification { get; set; }

    /// <summary>The vault's soft-delete retention (set on the vault in infra/main.bicep), shown on the data protection page.</summary>
    public int SoftDeleteRetentionDays { get; set; } = 90;
}
