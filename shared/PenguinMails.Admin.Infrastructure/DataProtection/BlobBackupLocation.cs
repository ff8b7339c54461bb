using Azure.Storage.Blobs;

namespace PenguinMails.Admin.Infrastructure.DataProtection;

/// <summary>A backup in a folder of a Blob container; files are block blobs written as streams.</summary>
public sealed class BlobBackupLocation(BlobContainerClient container, string folder) : IBackupLocation
{
    public const string ContainerName = "backups";

    public string Description => $"{container.Uri}/{folder}";

    public async Task<Stream> OpenWriteAsync(string fileName, CancellationToken cancellationToken = default)
    {
        await container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        return await container.GetBlobClient($"{folder}/{fileName}").OpenWriteAsync(overwrite: true, cancellationToken: cancellationToken);
    }

    public async Task<Stream> OpenReadAsync(string fileName, CancellationToken cancellationToken = default)
    {
        var blob = container.GetBlobClient($"{folder}/{fileName}");
        if (!await blob.ExistsAsync(cancellationToken))
        {
            throw new FileNotFoundException($"{Description}/{fileName} does not exist.");
        }
        return await blob.OpenReadAsync(cancellationToken: cancellationToken);
    }
}
