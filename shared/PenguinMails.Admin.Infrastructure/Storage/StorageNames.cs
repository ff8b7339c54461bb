namespace PenguinMails.Admin.Infrastructure.Storage;

/// <summary>Maps logical table, queue and container names to physical ones (with the configured prefix).</summary>
public sealed class StorageNames(StorageOptions options)
{
    private readonly string _prefix = options.Prefix.ToLowerInvariant();

    /// <summary>Table names are alphanumeric: "StaffSessions" becomes "{prefix}StaffSessions".</summary>
    public string Table(string logicalName) => _prefix + logicalName;

    /// <summary>Queue and container names are lowercase with dashes: "workflow-work" becomes "{prefix}workflow-work".</summary>
    public string Queue(string logicalName) => _prefix + logicalName;

    public string Container(string logicalName) => _prefix + logicalName;
}
