using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Hosting;

public sealed class LocalTriggerRunnerTests : IDisposable
{
    private readonly AdminAppFactory _factory;

    public LocalTriggerRunnerTests()
    {
        _factory = AdminAppFactory.WithSettings(new Dictionary<string, string?> { ["Triggers:RunLocally"] = "true" }).WithServices(services =>
        {
            services.AddStorageQueues("test-failing", "test-recording");
            services.AddQueueFunction<AlwaysFailingFunction>("TestAlwaysFailing", "test-failing");
            services.AddQueueFunction<RecordingFunction>("TestRecording", "test-recording");
        });
        _ = _factory.Server;
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task QueueMessage_IsDeliveredToItsFunctionAndDeleted()
    {
        var storage = _factory.Services.GetRequiredService<StorageClients>();
        var body = "hello " + Guid.NewGuid();
        await storage.Queue("test-recording").SendMessageAsync(body);

        await Eventually.TrueAsync(() => Task.FromResult(RecordingFunction.Received.Contains(body)));
        await Eventually.TrueAsync(async () => (await storage.Queue("test-recording").PeekMessagesAsync(1)).Value.Length == 0);
    }

    [Fact]
    public async Task MessageThatFailsFiveTimes_MovesToPoisonQueue()
    {
        var storage = _factory.Services.GetRequiredService<StorageClients>();
        var body = "doomed " + Guid.NewGuid();
        await storage.Queue("test-failing").SendMessageAsync(body);

        await Eventually.TrueAsync(async () =>
        {
            var poison = storage.Queue("test-failing-poison");
            return await poison.ExistsAsync() && (await poison.PeekMessagesAsync(1)).Value is [{ } m] && m.Body.ToString() == body;
        }, TimeSpan.FromSeconds(60));
        Assert.Equal(LocalTriggerRunner.MaxDequeueCount, AlwaysFailingFunction.Attempts.Count(a => a == body));
        Assert.Empty((await storage.Queue("test-failing").PeekMessagesAsync(1)).Value);
    }

    private sealed class AlwaysFailingFunction : ITriggeredFunction
    {
        public static readonly ConcurrentBag<string> Attempts = [];

        public Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
        {
            Attempts.Add(invocation.Payload);
            throw new InvalidOperationException("this function always fails");
        }
    }

    private sealed class RecordingFunction : ITriggeredFunction
    {
        public static readonly ConcurrentBag<string> Received = [];

        public Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
        {
            Received.Add(invocation.Payload);
            return Task.CompletedTask;
        }
    }
}
