namespace PenguinMails.Admin.Infrastructure.Storage;

/// <summary>Every table, queue and container a feature needs; created idempotently at start-up.</summary>
public sealed class StorageResources
{
    public HashSet<string> Tables { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Queues { get; } = new(StringComparer.Ordinal);
    public HashSet<string> Containers { get; } = new(StringComparer.Ordinal);
}
