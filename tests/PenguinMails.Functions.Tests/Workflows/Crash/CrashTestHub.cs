using System.Text.Json;
using Azure.Data.Tables;
using DurableTask.Core;
using DurableTask.Core.History;
using Microsoft.Extensions.Logging.Abstractions;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Infrastructure.Workflows;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Workflows.CrashHost;

namespace PenguinMails.Functions.Tests.Workflows.Crash;

/// <summary>
/// A task hub of its own on the test Azurite, seen from outside the workers: it starts instances and raises events
/// through DTFx's client, reads their state and history from the hub's tables, and the steps' effects and runs from
/// the crash host's <see cref="EffectLedger"/>.
/// </summary>
public sealed class CrashTestHub
{
    private static readonly WorkflowStarter Starter = new("crash-tests", "crash-tests@penguinmails.test", []);

    /// <param name="leaseInterval">How long a partition lease lasts unrenewed: a killed worker's instances move on after it.</param>
    /// <param name="messageVisibility">
    /// How long a message a worker took (an activity's, or the one that woke an episode) stays hidden: one a killed
    /// worker had taken is delivered again after it. Null keeps DTFx's 5 minutes, for tests where no worker dies: a
    /// live worker slower than this (a loaded machine) would see its messages delivered twice.
    /// </param>
    /// <param name="extraSettings">More of the workers' environment (the users-bulk journey's mode and keys).</param>
    public CrashTestHub(TimeSpan leaseInterval, TimeSpan? messageVisibility, IReadOnlyDictionary<string, string>? extraSettings = null)
    {
        var prefix = TestEnvironment.NewStoragePrefix();
        var storage = new StorageOptions { ConnectionString = TestEnvironment.StorageConnectionString, Prefix = prefix };
        Name = "Crash" + prefix;
        Hub = new DurableTaskHub(storage, new DurableWorkflowOptions { TaskHub = Name }, NullLoggerFactory.Instance);
        Ledger = new EffectLedger(new StorageClients(storage));
        var settings = new Dictionary<string, string>
        {
            ["DOTNET_ENVIRONMENT"] = "Production",
            ["Storage"] = TestEnvironment.StorageConnectionString,
            ["Storage__Prefix"] = prefix,
            ["Workflows__TaskHub"] = Name,
            ["Workflows__LeaseInterval"] = leaseInterval.ToString("c"),
            ["Workflows__LeaseAcquireInterval"] = "00:00:01",
            ["Workflows__FirstRetryInterval"] = "00:00:01",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        if (messageVisibility is { } visibility)
        {
            settings["Workflows__WorkItemVisibilityTimeout"] = visibility.ToString("c");
            settings["Workflows__ControlQueueVisibilityTimeout"] = visibility.ToString("c");
        }
        foreach (var (key, value) in extraSettings ?? new Dictionary<string, string>())
        {
            settings[key] = value;
        }
        Prefix = prefix;
        WorkerSettings = settings;
    }

    /// <summary>The hub's storage prefix: the workers' <c>Storage__Prefix</c>, so a test can reach the same tables.</summary>
    public string Prefix { get; }

    public string Name { get; }

    public DurableTaskHub Hub { get; }

    public EffectLedger Ledger { get; }

    /// <summary>The environment of every worker process on this hub.</summary>
    public IReadOnlyDictionary<string, string> WorkerSettings { get; }

    /// <summary>Starts an instance whose Hold step waits <paramref name="holdSeconds"/> (null: for the event); its episodes are logged under its id.</summary>
    public async Task<string> StartAsync(int? holdSeconds)
    {
        await Hub.EnsureCreatedAsync();
        var id = "crash-" + Guid.NewGuid().ToString("N")[..12];
        var input = new CrashTestInput(id, holdSeconds);
        var envelope = new WorkflowEnvelope(Starter, 1, DateTimeOffset.UtcNow, JsonSerializer.SerializeToElement(input, JsonSerializerOptions.Web));
        await Hub.Client.CreateOrchestrationInstanceAsync(CrashTestWorkflow.Type, "", id, envelope);
        return id;
    }

    /// <summary>Starts an instance of <paramref name="type"/> (a real journey's workflow) under <paramref name="id"/>.</summary>
    public async Task StartAsync(string type, string id, object input)
    {
        await Hub.EnsureCreatedAsync();
        var envelope = new WorkflowEnvelope(Starter, 1, DateTimeOffset.UtcNow, JsonSerializer.SerializeToElement(input, JsonSerializerOptions.Web));
        await Hub.Client.CreateOrchestrationInstanceAsync(type, "", id, envelope);
    }

    public Task RaiseAsync(string id, string eventName, object payload) =>
        Hub.Client.RaiseEventAsync(new OrchestrationInstance { InstanceId = id }, eventName, JsonSerializer.SerializeToElement(payload, JsonSerializerOptions.Web));

    public async Task<WorkflowInstance> InstanceAsync(string id)
    {
        var states = await Hub.Service.GetOrchestrationStateAsync(id, allExecutions: false, fetchInput: true);
        return WorkflowStateMapper.ToInstance(states.Single(s => s is not null));
    }

    /// <summary>Polls until the instance is <paramref name="status"/>; fails at once if it failed or was terminated instead.</summary>
    public async Task<WorkflowInstance> WaitForAsync(string id, WorkflowRuntimeStatus status, TimeSpan? timeout = null)
    {
        return await Eventually.ValueAsync(() => InstanceAsync(id), instance =>
        {
            Assert.False(instance.Status is WorkflowRuntimeStatus.Failed or WorkflowRuntimeStatus.Terminated && instance.Status != status,
                $"{id} is {instance.Status}: {instance.Error}");
            return instance.Status == status;
        }, timeout ?? TimeSpan.FromSeconds(120), $"{id} did not become {status}.");
    }

    /// <summary>Who holds each partition of the hub (DTFx's partition table): its owner's worker id, and whether it is handing it over.</summary>
    public async Task<List<PartitionLease>> PartitionsAsync()
    {
        var partitions = new List<PartitionLease>();
        var table = new TableServiceClient(TestEnvironment.StorageConnectionString).GetTableClient(Name + "Partitions");
        await foreach (var row in table.QueryAsync<TableEntity>())
        {
            partitions.Add(new PartitionLease(row.RowKey, row.GetString("CurrentOwner") ?? "", row.GetBoolean("IsDraining") ?? false,
                row.GetDateTimeOffset("OwnedSince")));
        }
        return partitions;
    }

    /// <summary>The instance's history as the status API shows it (GET /api/workflows/{id}).</summary>
    public async Task<IReadOnlyList<WorkflowHistoryEvent>> ApiHistoryAsync(string id) =>
        WorkflowHistoryMapper.Map(await Hub.Service.GetOrchestrationHistoryAsync(id, null));

    /// <summary>The instance's history as DTFx recorded it: what a worker checkpointed, nothing from work in flight.</summary>
    public async Task<List<HistoryLine>> HistoryAsync(string id)
    {
        using var json = JsonDocument.Parse(await Hub.Service.GetOrchestrationHistoryAsync(id, null));
        return json.RootElement.EnumerateArray().Select(e => new HistoryLine((EventType)e.GetProperty("EventType").GetInt32(), e.GetProperty("EventId").GetInt32(),
            e.TryGetProperty("Name", out var name) && name.ValueKind == JsonValueKind.String ? name.GetString() : null,
            e.TryGetProperty("TaskScheduledId", out var scheduled) ? scheduled.GetInt32() : -1)).ToList();
    }
}
