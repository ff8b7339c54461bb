using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Secrets;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.DataProtection;

/// <summary>
/// Purges soft-deleted secrets whose purge date has passed. The retention is the vault's own soft-delete period
/// (<see cref="VaultDescription.SoftDeleteRetentionDays"/>), as in Key Vault, where it is a property of the vault.
/// </summary>
public sealed class DeletedSecretsRetention(ISecretVault vault, IAuditLog audit) : IRetentionTarget
{
    public string Name => "deletedSecrets";

    public async Task<RetentionResult> EnforceAsync(RetentionDays retention, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var purged = await vault.PurgeDueAsync(now, cancellationToken);
        var actor = Actor.System("data-retention");
        foreach (var name in purged)
        {
            await audit.AppendAsync(new AuditEntry(actor, AuditActions.SecretsPurge, "secret", name,
                After: AuditEntry.Snapshot(new { vault.Description.SoftDeleteRetentionDays })), cancellationToken);
        }
        return new RetentionResult(Name, 0, purged.Count, $"soft-delete retention {vault.Description.SoftDeleteRetentionDays} days");
    }
}
