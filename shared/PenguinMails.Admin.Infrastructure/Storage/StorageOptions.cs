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
}
