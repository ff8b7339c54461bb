using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.DataProtection;

/// <summary>
/// Exports every table the app registers to JSONL files (one row a line, typed, streamed, so memory stays flat)
/// with a manifest of row counts and SHA-256 hashes, and imports them back. A restore checks every hash before it
/// writes anything, and only writes into empty tables, so it reproduces the backup exactly or changes nothing.
/// Secret values in the local store stay AES-GCM ciphertext in a backup.
/// </summary>
public sealed class TableBackup(StorageClients storage, StorageResources resources, TimeProvider time)
{
    public async Task<BackupManifest> BackupAsync(IBackupLocation location, CancellationToken cancellationToken = default)
    {
        var files = new List<BackupManifest.TableFile>();
        foreach (var table in resources.Tables.Order(StringComparer.Ordinal))
        {
            files.Add(await ExportAsync(table, location, cancellationToken));
        }
        var manifest = new BackupManifest(BackupManifest.CurrentFormat, time.GetUtcNow(), files);
        await using var stream = await location.OpenWriteAsync(BackupManifest.FileName, cancellationToken);
        await JsonSerializer.SerializeAsync(stream, manifest, JsonSerializerOptions.Web, cancellationToken);
        return manifest;
    }

    public async Task<BackupManifest> RestoreAsync(IBackupLocation location, CancellationToken cancellationToken = default)
    {
        try
        {
            return await RestoreVerifiedAsync(location, cancellationToken);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            throw AdminException.BadRequest("backup_invalid", $"The backup is incomplete: {e.Message}");
        }
    }

    private async Task<BackupManifest> RestoreVerifiedAsync(IBackupLocation location, CancellationToken cancellationToken)
    {
        BackupManifest manifest;
        await using (var stream = await location.OpenReadAsync(BackupManifest.FileName, cancellationToken))
        {
            manifest = await JsonSerializer.DeserializeAsync<BackupManifest>(stream, JsonSerializerOptions.Web, cancellationToken)
                ?? throw AdminException.BadRequest("backup_invalid", "The backup manifest is empty.");
        }
        if (manifest.Format != BackupManifest.CurrentFormat)
        {
            throw AdminException.BadRequest("backup_invalid", $"Backup format {manifest.Format} is not supported.");
        }
        foreach (var file in manifest.Tables)
        {
            await VerifyAsync(file, location, cancellationToken);
        }
        foreach (var file in manifest.Tables)
        {
            await EnsureEmptyAsync(file.Table, cancellationToken);
        }
        foreach (var file in manifest.Tables)
        {
            await ImportAsync(file, location, cancellationToken);
        }
        return manifest;
    }

    private async Task<BackupManifest.TableFile> ExportAsync(string table, IBackupLocation location, CancellationToken cancellationToken)
    {
        var file = table + ".jsonl";
        long rows = 0;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        await using (var stream = await location.OpenWriteAsync(file, cancellationToken))
        {
            var buffer = new MemoryStream();
            await foreach (var entity in storage.Table(table).QueryAsync<TableEntity>(cancellationToken: cancellationToken))
            {
                buffer.SetLength(0);
                await using (var writer = new Utf8JsonWriter(buffer))
                {
                    EntityJson.Write(writer, entity);
                }
                buffer.WriteByte((byte)'\n');
                hash.AppendData(buffer.GetBuffer(), 0, (int)buffer.Length);
                await stream.WriteAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), cancellationToken);
                rows++;
            }
        }
        return new BackupManifest.TableFile(table, file, rows, Convert.ToHexStringLower(hash.GetHashAndReset()));
    }

    private static async Task VerifyAsync(BackupManifest.TableFile file, IBackupLocation location, CancellationToken cancellationToken)
    {
        await using var stream = await location.OpenReadAsync(file.File, cancellationToken);
        var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(actual), Encoding.ASCII.GetBytes(file.Sha256)))
        {
            throw AdminException.BadRequest("backup_invalid", $"{file.File} does not match its SHA-256 in the manifest; nothing was restored.");
        }
    }

    private async Task EnsureEmptyAsync(string table, CancellationToken cancellationToken)
    {
        var client = storage.Table(table);
        await client.CreateIfNotExistsAsync(cancellationToken);
        await foreach (var _ in client.QueryAsync<TableEntity>(maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken))
        {
            throw AdminException.Conflict($"Table {table} is not empty; a restore writes only into empty tables, so nothing was restored.");
        }
    }

    private async Task ImportAsync(BackupManifest.TableFile file, IBackupLocation location, CancellationToken cancellationToken)
    {
        var client = storage.Table(file.Table);
        var batch = new List<TableTransactionAction>();
        await using var stream = await location.OpenReadAsync(file.File, cancellationToken);
        using var reader = new StreamReader(stream, Encoding.UTF8);
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }
            var entity = EntityJson.Read(line);
            // A transaction holds up to 100 rows of one partition; rows arrive grouped by partition, as they were read.
            if (batch.Count == 100 || (batch.Count > 0 && batch[0].Entity.PartitionKey != entity.PartitionKey))
            {
                await client.SubmitTransactionAsync(batch, cancellationToken);
                batch.Clear();
            }
            batch.Add(new TableTransactionAction(TableTransactionActionType.Add, entity));
        }
        if (batch.Count > 0)
        {
            await client.SubmitTransactionAsync(batch, cancellationToken);
        }
    }
}
