using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Settings;

/// <summary>Versioned settings sections: an append-only list of versions and a head that names the current one.</summary>
public interface ISettingsStore
{
    /// <summary>The current version with the head's storage ETag, or null when the section was never saved.</summary>
    Task<Versioned<SettingsVersion>?> GetCurrentAsync(string section, CancellationToken cancellationToken = default);

    Task<SettingsVersion?> GetVersionAsync(string section, int version, CancellationToken cancellationToken = default);

    /// <summary>
    /// Adds <paramref name="next"/> and moves the head to it in one transaction, if the head is still at
    /// <paramref name="headETag"/> (null: the section has no head yet). 412 otherwise.
    /// </summary>
    Task AppendAsync(SettingsVersion next, string? headETag, CancellationToken cancellationToken = default);

    /// <summary>Saved versions, newest first.</summary>
    Task<Page<SettingsVersion>> ListVersionsAsync(string section, PageRequest page, CancellationToken cancellationToken = default);
}
