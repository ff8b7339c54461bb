namespace PenguinMails.Admin.Infrastructure.DataProtection;

/// <summary><c>manifest.json</c> of a backup: when it was taken, and each table's file with its row count and SHA-256.</summary>
public sealed record BackupManifest(int Format, DateTimeOffset CreatedAt, IReadOnlyList<BackupManifest.TableFile> Tables)
{
    public const int CurrentFormat = 1;
    public const string FileName = "manifest.json";

    /// <summary>One table: its logical name (the storage prefix is not part of a backup), file, rows and hash.</summary>
    public sealed record TableFile(string Table, string File, long Rows, string Sha256);
}
