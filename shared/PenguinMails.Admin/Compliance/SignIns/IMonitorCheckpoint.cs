namespace PenguinMails.Admin.Compliance.SignIns;

/// <summary>How far the sign-in monitor has read the audit log, with an ETag so two runs never both move it.</summary>
public interface IMonitorCheckpoint
{
    Task<(DateTimeOffset? Watermark, string? ETag)> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Moves the watermark; false when another run moved it first.</summary>
    Task<bool> SaveAsync(DateTimeOffset watermark, string? etag, CancellationToken cancellationToken = default);
}
