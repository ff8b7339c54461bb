namespace PenguinMails.Admin.Infrastructure.DataProtection;

/// <summary>A backup in a local directory, created when missing.</summary>
public sealed class DirectoryBackupLocation(string directory) : IBackupLocation
{
    public string Description => Path.GetFullPath(directory);

    public Task<Stream> OpenWriteAsync(string fileName, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        return Task.FromResult<Stream>(new FileStream(Path.Combine(directory, fileName), FileMode.Create, FileAccess.Write, FileShare.None, 64 * 1024, true));
    }

    public Task<Stream> OpenReadAsync(string fileName, CancellationToken cancellationToken = default) =>
        Task.FromResult<Stream>(new FileStream(Path.Combine(directory, fileName), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, true));
}
