using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.DataProtection;

/// <summary>Parses a backup location argument: <c>blob:&lt;folder&gt;</c> for the app's <c>backups</c> container, anything else is a directory.</summary>
public sealed class BackupLocations(StorageClients storage)
{
    public const string BlobScheme = "blob:";

    public IBackupLocation Parse(string spec)
    {
        if (!spec.StartsWith(BlobScheme, StringComparison.Ordinal))
        {
            return new DirectoryBackupLocation(spec);
        }
        var folder = spec[BlobScheme.Length..].Trim('/');
        if (folder.Length == 0 || folder.Split('/').Any(s => s is "" or "." or ".."))
        {
            throw AdminException.BadRequest("backup_location_invalid", "A blob backup location is blob:<folder>, e.g. blob:2026-11-23.");
        }
        return new BlobBackupLocation(storage.Container(BlobBackupLocation.ContainerName), folder);
    }
}
