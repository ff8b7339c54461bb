using PenguinMails.Admin.Common;
using PenguinMails.Admin.Compliance.Sources;
using PenguinMails.Admin.Secrets;
using SecretExpiry = PenguinMails.Admin.Compliance.Sources.SecretExpiry;
using VaultExpiry = PenguinMails.Admin.Secrets.SecretExpiry;

namespace PenguinMails.Admin.Infrastructure.Compliance;

/// <summary>
/// The monthly report's secrets section, read from the vault through the expiry scanner. A vault that cannot answer
/// (not configured, access denied, down) makes the section say so; the rest of the report is still produced.
/// </summary>
public sealed class VaultSecretExpirySource(SecretExpiryScanner scanner) : ISecretExpirySource
{
    public async Task<SourceResult<IReadOnlyList<SecretExpiry>>> GetExpiringAsync(DateTimeOffset asOf, TimeSpan horizon,
        CancellationToken cancellationToken = default)
    {
        IReadOnlyList<VaultExpiry> found;
        try
        {
            found = await scanner.FindAsync(asOf, cancellationToken);
        }
        catch (AdminException e) when (e.Status == 503)
        {
            return SourceResult<IReadOnlyList<SecretExpiry>>.NotAvailable($"the secrets vault cannot be read ({e.Code}: {e.Detail})");
        }
        IReadOnlyList<SecretExpiry> expiring = found
            .Where(f => f.Secret.ExpiresOn <= asOf + horizon)
            .Select(f => new SecretExpiry(f.Secret.Name, f.Secret.ExpiresOn!.Value, f.State == SecretExpiryState.Expired))
            .ToList();
        return SourceResult<IReadOnlyList<SecretExpiry>>.Of(expiring);
    }
}
