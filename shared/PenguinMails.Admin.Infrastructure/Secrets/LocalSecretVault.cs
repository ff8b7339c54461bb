using System.Security.Cryptography;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Secrets;

namespace PenguinMails.Admin.Infrastructure.Secrets;

/// <summary>
/// The local secret store on Azure Tables (Azurite locally), with Key Vault's semantics: versions, soft delete,
/// recovery, purge after the retention period. Values are sealed with AES-256-GCM (<see cref="SecretCipher"/>);
/// rows hold only ciphertext. See <see cref="LocalSecretRows"/> for the layout.
/// </summary>
public sealed class LocalSecretVault(StorageClients storage, TablePaging paging, LocalSecretKey key, LocalVaultOptions options, TimeProvider time)
    : ISecretVault
{
    public const string TableName = "LocalSecrets";
    private TableClient Table => storage.Table(TableName);

    public VaultDescription Description => new("local", "AES-256-GCM (random 96-bit nonce per version; name and version as associated data)",
        key.Cipher.KeyId, options.SoftDeleteRetentionDays);

    public async Task<Page<SecretProperties>> ListAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        (await paging.QueryAsync<TableEntity>(Table, $"RowKey eq '{LocalSecretRows.CurrentRowKey}' and Deleted eq false", page, "secrets", cancellationToken))
        .Map(LocalSecretRows.Properties);

    public async Task<SecretProperties?> GetAsync(string name, CancellationToken cancellationToken = default) =>
        await FindCurrentAsync(name, cancellationToken) is { } row && !LocalSecretRows.IsDeleted(row) ? LocalSecretRows.Properties(row) : null;

    public async Task<SecretProperties> CreateAsync(string name, SecretVersionInput input, CancellationToken cancellationToken = default)
    {
        if (await FindCurrentAsync(name, cancellationToken) is { } existing)
        {
            throw LocalSecretRows.IsDeleted(existing) ? DeletedConflict(name) : AdminException.Conflict($"Secret '{name}' already exists.");
        }
        var now = time.GetUtcNow();
        var created = new SecretProperties(name, NewVersion(), true, input.ContentType, input.Tags, input.ExpiresOn, now, now);
        await SubmitAsync([
            new TableTransactionAction(TableTransactionActionType.Add, LocalSecretRows.Current(created)),
            new TableTransactionAction(TableTransactionActionType.Add, LocalSecretRows.Version(created, key.Cipher.Encrypt(input.Value, name, created.Version))),
        ], cancellationToken);
        return created;
    }

    public async Task<SecretProperties> AddVersionAsync(string name, SecretVersionInput input, CancellationToken cancellationToken = default)
    {
        var current = await GetLiveCurrentAsync(name, cancellationToken);
        var now = time.GetUtcNow();
        var secretName = LocalSecretRows.Properties(current).Name;
        var next = new SecretProperties(secretName, NewVersion(), true, input.ContentType, input.Tags, input.ExpiresOn, now, now);
        await SubmitAsync([
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, LocalSecretRows.Current(next), current.ETag),
            new TableTransactionAction(TableTransactionActionType.Add, LocalSecretRows.Version(next, key.Cipher.Encrypt(input.Value, secretName, next.Version))),
        ], cancellationToken);
        return next;
    }

    public async Task<SecretProperties> UpdateAsync(string name, SecretPropertiesUpdate update, CancellationToken cancellationToken = default)
    {
        var current = await GetLiveCurrentAsync(name, cancellationToken);
        var before = LocalSecretRows.Properties(current);
        var version = await FindVersionAsync(name, before.Version, cancellationToken) ?? throw AdminException.NotFound("Secret version", before.Version);
        var after = before with
        {
            Enabled = update.Enabled ?? before.Enabled,
            ContentType = update.ContentType ?? before.ContentType,
            Tags = update.Tags ?? before.Tags,
            ExpiresOn = update.ExpiresOn ?? before.ExpiresOn,
            UpdatedOn = time.GetUtcNow(),
        };
        await SubmitAsync([
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, LocalSecretRows.WriteMetadata(current, after), current.ETag),
            new TableTransactionAction(TableTransactionActionType.UpdateReplace, LocalSecretRows.WriteMetadata(version, after), version.ETag),
        ], cancellationToken);
        return after;
    }

    public async Task<string> GetValueAsync(string name, string? version, CancellationToken cancellationToken = default)
    {
        var current = LocalSecretRows.Properties(await GetLiveCurrentAsync(name, cancellationToken));
        var wanted = version ?? current.Version;
        var row = await FindVersionAsync(name, wanted, cancellationToken) ?? throw AdminException.NotFound("Secret version", wanted);
        if (!(row.GetBoolean("Enabled") ?? false))
        {
            throw AdminException.Conflict($"Version '{wanted}' of secret '{current.Name}' is disabled.", "secret_disabled");
        }
        return key.Cipher.Decrypt(LocalSecretRows.Sealed(row), current.Name, wanted);
    }

    public async Task<Page<SecretProperties>> ListVersionsAsync(string name, PageRequest page, CancellationToken cancellationToken = default)
    {
        var filter = $"PartitionKey eq '{SecretName.Key(name)}' and RowKey ge '{LocalSecretRows.VersionPrefix}' and RowKey lt 'v.'";
        return (await paging.QueryAsync<TableEntity>(Table, filter, page, "secret-versions", cancellationToken)).Map(LocalSecretRows.Properties);
    }

    public async Task<DeletedSecret> DeleteAsync(string name, CancellationToken cancellationToken = default)
    {
        var current = await GetLiveCurrentAsync(name, cancellationToken);
        var now = time.GetUtcNow();
        current["Deleted"] = true;
        current["DeletedOn"] = now;
        current["ScheduledPurgeDate"] = now.AddDays(options.SoftDeleteRetentionDays);
        await SubmitAsync([new TableTransactionAction(TableTransactionActionType.UpdateReplace, current, current.ETag)], cancellationToken);
        return LocalSecretRows.Deleted(current);
    }

    public async Task<Page<DeletedSecret>> ListDeletedAsync(PageRequest page, CancellationToken cancellationToken = default) =>
        (await paging.QueryAsync<TableEntity>(Table, $"RowKey eq '{LocalSecretRows.CurrentRowKey}' and Deleted eq true", page, "deleted-secrets",
            cancellationToken)).Map(LocalSecretRows.Deleted);

    public async Task<SecretProperties> RecoverAsync(string name, CancellationToken cancellationToken = default)
    {
        var current = await FindCurrentAsync(name, cancellationToken);
        if (current is null || !LocalSecretRows.IsDeleted(current))
        {
            throw AdminException.NotFound("Deleted secret", name);
        }
        current["Deleted"] = false;
        current["DeletedOn"] = null;
        current["ScheduledPurgeDate"] = null;
        await SubmitAsync([new TableTransactionAction(TableTransactionActionType.UpdateReplace, current, current.ETag)], cancellationToken);
        return LocalSecretRows.Properties(current);
    }

    public async Task<IReadOnlyList<string>> PurgeDueAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var purged = new List<string>();
        var filter = $"RowKey eq '{LocalSecretRows.CurrentRowKey}' and Deleted eq true and ScheduledPurgeDate le datetime'{now.UtcDateTime:O}'";
        await foreach (var current in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            var rows = new List<TableEntity>();
            await foreach (var row in Table.QueryAsync<TableEntity>($"PartitionKey eq '{current.PartitionKey}'", cancellationToken: cancellationToken))
            {
                rows.Add(row);
            }
            // Versions go first and the current row last, so an interrupted purge is finished by the next run.
            foreach (var chunk in rows.OrderBy(r => r.RowKey == LocalSecretRows.CurrentRowKey).Chunk(100))
            {
                await Table.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Delete, r, Azure.ETag.All)),
                    cancellationToken);
            }
            purged.Add(current.GetString("Name"));
        }
        return purged;
    }

    private async Task<TableEntity?> FindCurrentAsync(string name, CancellationToken cancellationToken)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(SecretName.Key(name), LocalSecretRows.CurrentRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? row.Value : null;
    }

    private async Task<TableEntity> GetLiveCurrentAsync(string name, CancellationToken cancellationToken) =>
        await FindCurrentAsync(name, cancellationToken) is { } row && !LocalSecretRows.IsDeleted(row) ? row : throw AdminException.NotFound("Secret", name);

    private async Task<TableEntity?> FindVersionAsync(string name, string version, CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq '{SecretName.Key(name)}' and RowKey ge '{LocalSecretRows.VersionPrefix}' and RowKey lt 'v.' and Version eq '{version}'";
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, maxPerPage: 1, cancellationToken: cancellationToken))
        {
            return row;
        }
        return null;
    }

    private async Task SubmitAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        try
        {
            await Table.SubmitTransactionAsync(actions, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status is 409 or 412)
        {
            throw AdminException.Conflict("The secret changed while this request was writing it; read it again and retry.");
        }
    }

    private static AdminException DeletedConflict(string name) => AdminException.Conflict(
        $"Secret '{name}' is deleted but recoverable: recover it, or wait until it is purged, to use the name again.", "secret_deleted");

    private static string NewVersion() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
}
