using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Secrets;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.DataProtection;

/// <summary>
/// The <c>data-protection</c> settings section: retention per data class, and the encryption in force. Every
/// change is a new version with who, when and why; a rollback is itself a new version. Changes take effect at
/// the next retention run, without a restart.
/// </summary>
public sealed class DataProtectionService(IDataProtectionSettingsStore store, ISecretVault vault, IAuditLog audit, TimeProvider time)
{
    public const string Section = "data-protection";

    /// <summary>The version in force (version 0, the defaults, before the first save) and its ETag.</summary>
    public async Task<Versioned<DataProtectionSettingsVersion>> GetAsync(CancellationToken cancellationToken = default) =>
        await store.GetCurrentAsync(cancellationToken) ?? new Versioned<DataProtectionSettingsVersion>(Defaults, DefaultsETag);

    public EncryptionInForce Encryption()
    {
        var secrets = vault.Description;
        return new EncryptionInForce(secrets.Provider, secrets.Algorithm, secrets.KeyId, secrets.SoftDeleteRetentionDays,
            "Only a SHA-256 hash of each session token is stored.",
            "Audit events are SHA-256 hash-chained per day; archives keep the chain.",
            "List cursors are signed with HMAC-SHA256.");
    }

    public async Task<Versioned<DataProtectionSettingsVersion>> UpdateAsync(Actor actor, RetentionDays? retentionDays, string? ifMatch, string? reason,
        CancellationToken cancellationToken = default)
    {
        if (retentionDays is null)
        {
            throw AdminException.Validation("retentionDays", "retentionDays is required.");
        }
        retentionDays.Validate();
        return await AppendAsync(actor, retentionDays, ifMatch, Reason.Optional(reason), null, cancellationToken);
    }

    public async Task<Versioned<DataProtectionSettingsVersion>> RollbackAsync(Actor actor, int? version, string? reason,
        CancellationToken cancellationToken = default)
    {
        if (version is not > 0)
        {
            throw AdminException.Validation("version", "version must be a saved version number (1 or more).");
        }
        var why = Reason.Optional(reason);
        var target = await store.GetVersionAsync(version.Value, cancellationToken)
            ?? throw AdminException.NotFound("Data protection settings version", version.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await AppendAsync(actor, target.RetentionDays, null, why, target.Version, cancellationToken);
    }

    public Task<Page<DataProtectionSettingsVersion>> ListVersionsAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        store.ListVersionsAsync(page, cancellationToken);

    private async Task<Versioned<DataProtectionSettingsVersion>> AppendAsync(Actor actor, RetentionDays retentionDays, string? ifMatch, string? reason,
        int? rolledBackFrom, CancellationToken cancellationToken)
    {
        var current = await GetAsync(cancellationToken);
        if (ifMatch is not null && ifMatch != current.ETag)
        {
            throw AdminException.PreconditionFailed();
        }
        var next = new DataProtectionSettingsVersion(current.Value.Version + 1, retentionDays, time.GetUtcNow(), actor.Email, reason, rolledBackFrom);
        var saved = await store.AppendAsync(next, current.Value.Version == 0 ? null : current.ETag, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, rolledBackFrom is null ? AuditActions.SettingsUpdate : AuditActions.SettingsRollback, "settings", Section,
            AuditEntry.Snapshot(new { current.Value.Version, current.Value.RetentionDays }),
            AuditEntry.Snapshot(new { next.Version, next.RetentionDays, rolledBackFrom }), reason), cancellationToken);
        return saved;
    }

    private static readonly DataProtectionSettingsVersion Defaults = new(0, RetentionDays.Default, DateTimeOffset.UnixEpoch, "defaults", null);
    private const string DefaultsETag = "\"defaults\"";
}
