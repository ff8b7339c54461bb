using System.Text.Json;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>Work items on the <c>workflow-work</c> storage queue; a delay is the message's initial visibility timeout.</summary>
public sealed class StorageWorkflowWorkQueue(StorageClients storage) : IWorkflowWorkQueue
{
    public const string QueueName = "workflow-work";

    /// <summary>Storage queues hide a message for at most 7 days; longer timers are chained by the engine.</summary>
    public static readonly TimeSpan MaxVisibilityDelay = TimeSpan.FromDays(7);

    /// <summary>Messages never expire on their own (-1), so a message hidden for days is still there when it is due.</summary>
    private static readonly TimeSpan NeverExpire = TimeSpan.FromSeconds(-1);

    public async Task EnqueueAsync(WorkflowWorkItem item, TimeSpan delay, CancellationToken cancellationToken = default)
    {
        var visibility = delay <= TimeSpan.Zero ? (TimeSpan?)null : delay > MaxVisibilityDelay ? MaxVisibilityDelay : delay;
        await storage.Queue(QueueName).SendMessageAsync(Serialize(item), visibility, NeverExpire, cancellationToken);
    }

    public async Task<DateTimeOffset?> PeekNextDueAsync(CancellationToken cancellationToken = default)
    {
        var next = (await storage.Queue(QueueName).PeekMessagesAsync(1, cancellationToken)).Value;
        return next.Length == 0 ? null : Parse(next[0].Body.ToString()).NotBefore;
    }

    public static string Serialize(WorkflowWorkItem item) => JsonSerializer.Serialize(item, JsonSerializerOptions.Web);

    public static WorkflowWorkItem Parse(string payload) =>
        JsonSerializer.Deserialize<WorkflowWorkItem>(payload, JsonSerializerOptions.Web) ?? throw new FormatException("Empty workflow work item.");
}
