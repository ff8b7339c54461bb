namespace PenguinMails.Admin.Infrastructure.DataProtection;

/// <summary>Where a backup is written and read: a local directory, or a folder in the app's <c>backups</c> Blob container.</summary>
public interface IBackupLocation
{
    string Description { get; }

    Task<Stream> OpenWriteAsync(string fileName, CancellationToken cancellationToken = default);

    /// <summary>Opens a file for reading; throws <see cref="FileNotFoundException"/> when it isn't there.</summary>
    Task<Stream> OpenReadAsync(string fileName, CancellationToken cancellationToken = default);
}
