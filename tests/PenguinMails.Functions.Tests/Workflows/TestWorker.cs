using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Infrastructure.Workflows;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Workflows;

/// <summary>
/// Plays the queue-triggered worker by hand, on the app's real queue and store, so tests decide when work runs and
/// where it crashes. A crashed delivery is released for redelivery, as the queue does when its visibility runs out.
/// </summary>
public sealed class TestWorker(AdminAppFactory factory)
{
    public StorageClients Storage { get; } = factory.Services.GetRequiredService<StorageClients>();
    public IWorkflowStore Store { get; } = factory.Services.GetRequiredService<IWorkflowStore>();
    public IWorkflowRunLog Runs { get; } = factory.Services.GetRequiredService<IWorkflowRunLog>();
    public IWorkflowWorkQueue Queue { get; } = factory.Services.GetRequiredService<IWorkflowWorkQueue>();
    public WorkflowClient Client { get; } = factory.Services.GetRequiredService<WorkflowClient>();
    public WorkflowSweeper Sweeper { get; } = factory.Services.GetRequiredService<WorkflowSweeper>();
    public ConcurrentBag<WorkflowWorkOutcome> Outcomes { get; } = [];

    public WorkflowEngine Engine(IWorkflowStore? store = null, IWorkflowWorkQueue? queue = null, IWorkflowRunLog? runs = null) => new(
        store ?? Store, queue ?? Queue, factory.Services.GetRequiredService<WorkflowRegistry>(),
        factory.Services.GetRequiredService<WorkflowFailureReporter>(), runs ?? Runs,
        factory.Services, factory.Services.GetRequiredService<WorkflowOptions>(), factory.Services.GetRequiredService<TimeProvider>());

    /// <summary>Processes visible messages with <paramref name="engine"/> until the queue stays empty.</summary>
    public Task DrainAsync(WorkflowEngine? engine = null) => DrainAsync(async item =>
    {
        Outcomes.Add((await (engine ?? Engine()).ProcessAsync(item)).Outcome);
    });

    public async Task DrainAsync(Func<WorkflowWorkItem, Task> process)
    {
        var queue = Storage.Queue(StorageWorkflowWorkQueue.QueueName);
        for (var idle = 0; idle < 3;)
        {
            var messages = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromSeconds(30))).Value;
            if (messages.Length == 0)
            {
                idle++;
                await Task.Delay(150);
                continue;
            }
            idle = 0;
            foreach (var message in messages)
            {
                try
                {
                    await process(StorageWorkflowWorkQueue.Parse(message.Body.ToString()));
                    await queue.DeleteMessageAsync(message.MessageId, message.PopReceipt);
                }
                catch (SimulatedCrash)
                {
                    await queue.UpdateMessageAsync(message.MessageId, message.PopReceipt, visibilityTimeout: TimeSpan.Zero);
                }
            }
        }
    }

    public async Task<WorkflowInstance> InstanceAsync(string id) => (await Store.GetAsync(id))!.Value;
}
