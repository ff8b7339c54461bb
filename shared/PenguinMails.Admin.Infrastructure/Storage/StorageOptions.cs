namespace PenguinMails.Admin.Infrastructure.Storage;

/// <summary>
/// The <c>Storage</c> setting: either a connection string (<c>UseDevelopmentStorage=true</c> locally),
/// or <c>Storage__AccountName</c> for Azure, where clients authenticate with <c>DefaultAzureCredential</c>.
/// </summary>
public sealed class StorageOptions
{
    public string? ConnectionString { get; set; }
    public string? AccountName { get; set; }

    /// <summary>Prepended to every table, queue and container name; isolates test runs on one Azurite.</summary>
    public string Prefix { get; set; } = "";

    /// <summary>How long one storage try may take (<c>Storage__NetworkTimeout</c>, default 2 s).</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Retries after the first try (<c>Storage__MaxRetries</c>, default 1): an unreachable store fails at once, a hung one within about 4 s.</summary>
    public int MaxRetries { get; set; } = 1;
}
