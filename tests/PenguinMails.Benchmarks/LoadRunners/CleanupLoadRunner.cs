using Azure.Data.Tables;
using Azure.Storage.Queues;
using PenguinMails.Admin.Infrastructure.Users;
using PenguinMails.Benchmarks.Infrastructure;

namespace PenguinMails.Benchmarks.LoadRunners;

/// <summary>
/// Deletes what interrupted user load runs left on Azurite: every table and queue under a "bench…" prefix that has
/// a PlatformUsers table, which only these runners create.
/// Run: dotnet run -c Release --project tests/PenguinMails.Benchmarks -- load cleanup
/// </summary>
public sealed class CleanupLoadRunner : ILoadRunner
{
    public string Name => "cleanup";

    public async Task RunAsync(string[] args)
    {
        var tables = new TableServiceClient(AzuriteServices.ConnectionString);
        var queues = new QueueServiceClient(AzuriteServices.ConnectionString);
        var names = new List<string>();
        await foreach (var table in tables.QueryAsync())
        {
            if (table.Name.StartsWith(AzuriteServices.PrefixStart, StringComparison.Ordinal))
            {
                names.Add(table.Name);
            }
        }
        var prefixes = names.Where(n => n.EndsWith(PlatformUserRows.TableName, StringComparison.Ordinal))
            .Select(n => n[..^PlatformUserRows.TableName.Length]).ToList();
        foreach (var prefix in prefixes)
        {
            foreach (var name in names.Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
            {
                await tables.DeleteTableAsync(name);
            }
            await foreach (var queue in queues.GetQueuesAsync(prefix: prefix.ToLowerInvariant()))
            {
                await queues.DeleteQueueAsync(queue.Name);
            }
            Console.WriteLine($"Deleted the data of run '{prefix}'.");
        }
    }
}
