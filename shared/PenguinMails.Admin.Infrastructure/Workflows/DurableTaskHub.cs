using System.Text.Json;
using Azure.Core;
using Azure.Identity;
using DurableTask.AzureStorage;
using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Converters;
using Microsoft.Extensions.Logging;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// The app's one task hub on the Durable Task Framework's Azure Storage backend: the orchestration service the worker
/// polls, and the client the workflow port uses. The account is the app's own (a connection string locally,
/// <c>DefaultAzureCredential</c> with <c>Storage__AccountName</c> in Azure, never a key); the hub is named after the
/// storage prefix, so each environment and each test has its own.
/// </summary>
public sealed class DurableTaskHub
{
    /// <summary>One serializer for inputs, outputs, events and custom status, on both sides of the engine.</summary>
    public static DataConverter Converter { get; } = new JsonDataConverter(JsonSerializerOptions.Web);

    private readonly Lazy<Task> _created;

    public DurableTaskHub(StorageOptions storage, DurableWorkflowOptions options, ILoggerFactory loggers, TokenCredential? credential = null)
    {
        Name = options.TaskHub ?? NameFor(storage.Prefix);
        var settings = new AzureStorageOrchestrationServiceSettings
        {
            TaskHubName = Name,
            // DTFx names a worker after its machine by default, so two processes on one machine would both own every
            // partition and both advance the same instances: each process is a worker of its own.
            WorkerId = $"{Environment.MachineName}-{Environment.ProcessId}",
            StorageAccountClientProvider = !string.IsNullOrWhiteSpace(storage.ConnectionString)
                ? new StorageAccountClientProvider(storage.ConnectionString)
                : !string.IsNullOrWhiteSpace(storage.AccountName)
                    ? new StorageAccountClientProvider(storage.AccountName, credential ?? new DefaultAzureCredential())
                    : throw new InvalidOperationException("Storage is not configured: set 'Storage' or 'Storage__AccountName'."),
            PartitionCount = options.PartitionCount,
            MaxQueuePollingInterval = options.MaxQueuePollingInterval,
            LeaseAcquireInterval = options.LeaseAcquireInterval,
            LeaseInterval = options.LeaseInterval,
            LeaseRenewInterval = TimeSpan.FromTicks(options.LeaseInterval.Ticks / 3),
            WorkItemQueueVisibilityTimeout = options.WorkItemVisibilityTimeout,
            ControlQueueVisibilityTimeout = options.ControlQueueVisibilityTimeout,
            MaxConcurrentTaskActivityWorkItems = options.MaxConcurrentActivities,
            MaxConcurrentTaskOrchestrationWorkItems = options.MaxConcurrentOrchestrations,
            LoggerFactory = loggers,
        };
        Service = new AzureStorageOrchestrationService(settings);
        Client = new TaskHubClient(Service, new EngineDataConverter(Converter), loggers);
        _created = new Lazy<Task>(() => Service.CreateIfNotExistsAsync());
    }

    public string Name { get; }

    public AzureStorageOrchestrationService Service { get; }

    public TaskHubClient Client { get; }

    /// <summary>Creates the hub's queues, tables and containers once per process.</summary>
    public Task EnsureCreatedAsync() => _created.Value;

    /// <summary>A task hub name is 3-45 letters and digits, starting with a letter.</summary>
    public static string NameFor(string prefix)
    {
        var name = "PenguinMails" + new string(prefix.Where(char.IsAsciiLetterOrDigit).ToArray());
        return name.Length > 45 ? name[..45] : name;
    }
}
