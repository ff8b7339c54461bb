using PenguinMails.Admin.Secrets;

namespace PenguinMails.Admin.Compliance.Sources;

/// <summary>The monthly report's secrets section, read from the vault through the expiry scanner.</summary>
public sealed class VaultSecretExpirySource(SecretExpiryScanner scanner) : ISecretExpirySource
{
    public async Task<SourceResult<IReadOnlyList<SecretExpiry>>> GetExpiringAsync(DateTimeOffset asOf, TimeSpan horizon,
        CancellationToken cancellationToken = default)
    {
        var found = await scanner.FindAsync(asOf, cancellationToken);
        IReadOnlyList<SecretExpiry> expiring = found
            .Where(f => f.Secret.ExpiresOn <= asOf + horizon)
            .Select(f => new SecretExpiry(f.Secret.Name, f.Secret.ExpiresOn!.Value, f.State == SecretExpiryState.Expired))
            .ToList();
        return SourceResult<IReadOnlyList<SecretExpiry>>.Of(expiring);
    }
}
