using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Secrets;

/// <summary>
/// Vault management (Journey 3): metadata, creation, rotation, soft delete and recovery. Every change is audited
/// with metadata only; values never reach the audit log. Revealing lives in <see cref="SecretRevealService"/>.
/// </summary>
public sealed class SecretService(ISecretVault vault, IAuditLog audit, TimeProvider time)
{
    public Task<Page<SecretProperties>> ListAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        vault.ListAsync(page, cancellationToken);

    public Task<Page<DeletedSecret>> ListDeletedAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        vault.ListDeletedAsync(page, cancellationToken);

    public async Task<SecretProperties> GetAsync(string? name, CancellationToken cancellationToken = default) =>
        await vault.GetAsync(SecretName.Validated(name), cancellationToken) ?? throw AdminException.NotFound("Secret", name!);

    public async Task<SecretProperties> CreateAsync(Actor actor, string? name, string? value, string? contentType,
        IReadOnlyDictionary<string, string>? tags, DateTimeOffset? expiresOn, string? reason, CancellationToken cancellationToken = default)
    {
        new Validator().Value(value).ContentType(contentType).Tags(tags).ExpiresOn(expiresOn, time.GetUtcNow()).ThrowIfInvalid();
        var why = Reason.Optional(reason);
        var created = await vault.CreateAsync(SecretName.Validated(name),
            new SecretVersionInput(value!, contentType, SecretInput.WithClassification(tags), expiresOn), cancellationToken);
        await AuditAsync(actor, AuditActions.SecretsCreate, created.Name, null, created, why, cancellationToken);
        return created;
    }

    /// <summary>Rotation: a new version with a new value, keeping the content type and tags.</summary>
    public async Task<SecretProperties> RotateAsync(Actor actor, string? name, string? value, DateTimeOffset? expiresOn, string? ifMatch,
        string? reason, CancellationToken cancellationToken = default)
    {
        new Validator().Value(value).ExpiresOn(expiresOn, time.GetUtcNow()).ThrowIfInvalid();
        var why = Reason.Optional(reason);
        var current = await GetMatchingAsync(name, ifMatch, cancellationToken);
        var rotated = await vault.AddVersionAsync(current.Name, new SecretVersionInput(value!, current.ContentType, current.Tags, expiresOn),
            cancellationToken);
        await AuditAsync(actor, AuditActions.SecretsRotate, current.Name, current, rotated, why, cancellationToken);
        return rotated;
    }

    public async Task<SecretProperties> UpdateAsync(Actor actor, string? name, SecretPropertiesUpdate update, string? ifMatch, string? reason,
        CancellationToken cancellationToken = default)
    {
        new Validator().ContentType(update.ContentType).Tags(update.Tags).ExpiresOn(update.ExpiresOn, time.GetUtcNow()).ThrowIfInvalid();
        var why = Reason.Optional(reason);
        var current = await GetMatchingAsync(name, ifMatch, cancellationToken);
        var tags = update.Tags is null ? null : SecretInput.WithClassification(update.Tags);
        var updated = await vault.UpdateAsync(current.Name, update with { Tags = tags }, cancellationToken);
        await AuditAsync(actor, AuditActions.SecretsUpdate, current.Name, current, updated, why, cancellationToken);
        return updated;
    }

    public async Task<Page<SecretProperties>> ListVersionsAsync(string? name, PageRequest page, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(name, cancellationToken);
        return await vault.ListVersionsAsync(current.Name, page, cancellationToken);
    }

    public async Task<DeletedSecret> DeleteAsync(Actor actor, string? name, string? ifMatch, string? reason, CancellationToken cancellationToken = default)
    {
        var why = Reason.Optional(reason);
        var current = await GetMatchingAsync(name, ifMatch, cancellationToken);
        var deleted = await vault.DeleteAsync(current.Name, cancellationToken);
        await AuditAsync(actor, AuditActions.SecretsDelete, current.Name, current, new { deleted.DeletedOn, deleted.ScheduledPurgeDate }, why, cancellationToken);
        return deleted;
    }

    public async Task<SecretProperties> RecoverAsync(Actor actor, string? name, string? reason, CancellationToken cancellationToken = default)
    {
        var why = Reason.Optional(reason);
        var recovered = await vault.RecoverAsync(SecretName.Validated(name), cancellationToken);
        await AuditAsync(actor, AuditActions.SecretsRecover, recovered.Name, null, recovered, why, cancellationToken);
        return recovered;
    }

    private async Task<SecretProperties> GetMatchingAsync(string? name, string? ifMatch, CancellationToken cancellationToken)
    {
        var current = await GetAsync(name, cancellationToken);
        if (ifMatch is not null && ifMatch != current.ETag)
        {
            throw AdminException.PreconditionFailed();
        }
        return current;
    }

    private Task AuditAsync(Actor actor, string action, string name, object? before, object? after, string? reason, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEntry(actor, action, "secret", name, AuditEntry.Snapshot(Metadata(before)), AuditEntry.Snapshot(Metadata(after)), reason),
            cancellationToken);

    /// <summary>What the audit log keeps of a secret: its metadata, never the value (which the properties don't hold).</summary>
    private static object? Metadata(object? value) => value is SecretProperties p
        ? new { p.Version, p.Enabled, p.ContentType, p.Tags, p.ExpiresOn }
        : value;
}
