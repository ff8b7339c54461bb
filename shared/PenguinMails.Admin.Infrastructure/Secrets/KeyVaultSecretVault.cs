using Azure.Security.KeyVault.Secrets;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Secrets;
using KvSecretProperties = Azure.Security.KeyVault.Secrets.SecretProperties;
using DeletedSecret = PenguinMails.Admin.Secrets.DeletedSecret;
using KvDeletedSecret = Azure.Security.KeyVault.Secrets.DeletedSecret;
using SecretProperties = PenguinMails.Admin.Secrets.SecretProperties;

namespace PenguinMails.Admin.Infrastructure.Secrets;

/// <summary>
/// The vault on Azure Key Vault. Metadata calls don't fetch values: Key Vault's list has no version ids, so the
/// current version is found from the versions list (one extra call per secret listed; a get only when two versions
/// share the newest one-second timestamp). Create checks that the name is free and then sets, so two concurrent
/// creates of one name can both succeed as two versions; Key Vault offers no conditional write to prevent it.
/// </summary>
public sealed class KeyVaultSecretVault(SecretClient client, CursorCodec cursors, KeyVaultOptions options) : ISecretVault
{
    private const int MetadataConcurrency = 8;

    public VaultDescription Description => new("key-vault", "Azure Key Vault (service-side encryption under HSM-protected keys)",
        client.VaultUri.Host, options.SoftDeleteRetentionDays);

    public Task<Page<SecretProperties>> ListAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        KeyVaultErrors.GuardAsync("*", async () =>
        {
            var (items, next) = await FirstPageAsync(client.GetPropertiesOfSecretsAsync(cancellationToken), "kv-secrets", page, cancellationToken);
            var latest = await ForEachAsync(items.Where(i => i.Managed != true), i => LatestAsync(i.Name, cancellationToken), cancellationToken);
            return new Page<SecretProperties>(latest.OfType<SecretProperties>().ToList(), next);
        });

    public Task<SecretProperties?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        KeyVaultErrors.GuardAsync(name, () => LatestAsync(name, cancellationToken));

    public async Task<SecretProperties> CreateAsync(string name, SecretVersionInput input, CancellationToken cancellationToken = default)
    {
        if (await GetAsync(name, cancellationToken) is not null)
        {
            throw AdminException.Conflict($"Secret '{name}' already exists.");
        }
        return await SetAsync(name, input, cancellationToken);
    }

    public async Task<SecretProperties> AddVersionAsync(string name, SecretVersionInput input, CancellationToken cancellationToken = default)
    {
        _ = await GetAsync(name, cancellationToken) ?? throw AdminException.NotFound("Secret", name);
        return await SetAsync(name, input, cancellationToken);
    }

    public async Task<SecretProperties> UpdateAsync(string name, SecretPropertiesUpdate update, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(name, cancellationToken) ?? throw AdminException.NotFound("Secret", name);
        var properties = new KvSecretProperties(new Uri(client.VaultUri, $"secrets/{current.Name}/{current.Version}"))
        {
            Enabled = update.Enabled ?? current.Enabled,
            ContentType = update.ContentType ?? current.ContentType,
            ExpiresOn = update.ExpiresOn ?? current.ExpiresOn,
        };
        foreach (var (key, value) in update.Tags ?? current.Tags)
        {
            properties.Tags[key] = value;
        }
        return await KeyVaultErrors.GuardAsync(name, async () => Map((await client.UpdateSecretPropertiesAsync(properties, cancellationToken)).Value));
    }

    public Task<string> GetValueAsync(string name, string? version, CancellationToken cancellationToken = default) =>
        KeyVaultErrors.GuardAsync(name, async () => (await client.GetSecretAsync(name, version, cancellationToken)).Value.Value);

    public Task<Page<SecretProperties>> ListVersionsAsync(string name, PageRequest page, CancellationToken cancellationToken = default) =>
        KeyVaultErrors.GuardAsync(name, async () =>
        {
            var (items, next) = await FirstPageAsync(client.GetPropertiesOfSecretVersionsAsync(name, cancellationToken), "kv-versions|" + name, page,
                cancellationToken);
            return new Page<SecretProperties>(items.OrderByDescending(v => v.CreatedOn).Select(Map).ToList(), next);
        });

    public Task<DeletedSecret> DeleteAsync(string name, CancellationToken cancellationToken = default) =>
        KeyVaultErrors.GuardAsync(name, async () =>
        {
            // The initial response already holds the deleted secret; waiting for the operation would only poll for replication.
            var operation = await client.StartDeleteSecretAsync(name, cancellationToken);
            return Map(operation.Value);
        });

    public Task<Page<DeletedSecret>> ListDeletedAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        KeyVaultErrors.GuardAsync("*", async () =>
        {
            var (items, next) = await FirstPageAsync(client.GetDeletedSecretsAsync(cancellationToken), "kv-deleted", page, cancellationToken);
            return new Page<DeletedSecret>(items.Select(Map).ToList(), next);
        });

    public Task<SecretProperties> RecoverAsync(string name, CancellationToken cancellationToken = default) =>
        KeyVaultErrors.GuardAsync(name, async () => Map((await client.StartRecoverDeletedSecretAsync(name, cancellationToken)).Value));

    public async Task<IReadOnlyList<string>> PurgeDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var purged = new List<string>();
        await foreach (var deleted in client.GetDeletedSecretsAsync(cancellationToken))
        {
            if (deleted.ScheduledPurgeDate is not { } due || due > now)
            {
                continue;
            }
            try
            {
                await client.PurgeDeletedSecretAsync(deleted.Name, cancellationToken);
                purged.Add(deleted.Name);
            }
            catch (Azure.RequestFailedException e) when (e.Status is 403 or 404)
            {
                // Purge protection forbids early purges (Key Vault then purges on schedule itself), or it is already gone.
            }
        }
        return purged;
    }

    private async Task<SecretProperties> SetAsync(string name, SecretVersionInput input, CancellationToken cancellationToken)
    {
        var secret = new KeyVaultSecret(name, input.Value);
        secret.Properties.ContentType = input.ContentType;
        secret.Properties.ExpiresOn = input.ExpiresOn;
        foreach (var (key, value) in input.Tags)
        {
            secret.Properties.Tags[key] = value;
        }
        return await KeyVaultErrors.GuardAsync(name, async () => Map((await client.SetSecretAsync(secret, cancellationToken)).Value.Properties));
    }

    private async Task<SecretProperties?> LatestAsync(string name, CancellationToken cancellationToken)
    {
        var newest = new List<KvSecretProperties>();
        try
        {
            await foreach (var version in client.GetPropertiesOfSecretVersionsAsync(name, cancellationToken))
            {
                if (newest.Count == 0 || version.CreatedOn > newest[0].CreatedOn)
                {
                    newest = [version];
                }
                else if (version.CreatedOn == newest[0].CreatedOn)
                {
                    newest.Add(version);
                }
            }
        }
        catch (Azure.RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
        return newest.Count switch
        {
            0 => null,
            1 => Map(newest[0]),
            // Key Vault's timestamps have one-second resolution; only the service knows which of two same-second
            // versions is current, and only a get (which returns the value too, discarded here) says so.
            _ => Map((await client.GetSecretAsync(name, cancellationToken: cancellationToken)).Value.Properties),
        };
    }

    private async Task<(IReadOnlyList<T> Items, string? Next)> FirstPageAsync<T>(Azure.AsyncPageable<T> pageable, string scope, PageRequest page,
        CancellationToken cancellationToken) where T : notnull
    {
        var token = page.Cursor is null ? null : cursors.Decode(scope, page.Cursor);
        await foreach (var result in pageable.AsPages(token, page.PageSize).WithCancellation(cancellationToken))
        {
            return (result.Values, result.ContinuationToken is null ? null : cursors.Encode(scope, result.ContinuationToken));
        }
        return ([], null);
    }

    private static async Task<IReadOnlyList<TOut>> ForEachAsync<TIn, TOut>(IEnumerable<TIn> items, Func<TIn, Task<TOut>> map, CancellationToken cancellationToken)
    {
        using var gate = new SemaphoreSlim(MetadataConcurrency);
        return await Task.WhenAll(items.Select(async item =>
        {
            await gate.WaitAsync(cancellationToken);
            try
            {
                return await map(item);
            }
            finally
            {
                gate.Release();
            }
        }));
    }

    private static SecretProperties Map(KvSecretProperties p) => new(p.Name, p.Version ?? "", p.Enabled ?? true, p.ContentType,
        new Dictionary<string, string>(p.Tags), p.ExpiresOn, p.CreatedOn ?? default, p.UpdatedOn ?? p.CreatedOn ?? default);

    private static DeletedSecret Map(KvDeletedSecret d) => new(Map(d.Properties), d.DeletedOn ?? default, d.ScheduledPurgeDate);
}
