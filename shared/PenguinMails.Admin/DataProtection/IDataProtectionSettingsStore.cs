using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.DataProtection;

/// <summary>The versioned <c>data-protection</c> settings section. Versions are immutable; the newest is in force.</summary>
public interface IDataProtectionSettingsStore
{
    /// <summary>The version in force with its ETag, or null when the section was never saved (defaults apply).</summary>
    Task<Versioned<DataProtectionSettingsVersion>?> GetCurrentAsync(CancellationToken cancellationToken = default);

    Task<DataProtectionSettingsVersion?> GetVersionAsync(int version, CancellationToken cancellationToken = default);

    /// <summary>Versions, newest first.</summary>
    Task<Page<DataProtectionSettingsVersion>> ListVersionsAsync(PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends <paramref name="next"/> as the new current version. <paramref name="expectedETag"/> is the ETag of the
    /// current version the caller read (null when there was none); a mismatch is precondition_failed.
    /// </summary>
    Task<Versioned<DataProtectionSettingsVersion>> AppendAsync(DataProtectionSettingsVersion next, string? expectedETag,
        CancellationToken cancellationToken = default);
}
