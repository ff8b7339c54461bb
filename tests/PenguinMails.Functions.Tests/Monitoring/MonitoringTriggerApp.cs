using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Monitoring;

/// <summary>The app with the local trigger runner on, a timer and a queue function that always fail, and an idle queue.</summary>
public sealed class MonitoringTriggerApp : AdminAppFactory
{
    public const string FailingQueue = "mon-failing";
    public const string IdleQueue = "mon-idle";
    public const string FailingTimer = "MonitoringTestFailingTimer";
    public const string FailingQueueFunction = "MonitoringTestFailingQueue";
    public const string Secret = "s3cr3t-value-that-must-not-leak";

    public MonitoringTriggerApp()
        : base(new Dictionary<string, string?> { ["Triggers:RunLocally"] = "true" }) =>
        WithServices(services =>
        {
            services.AddStorageQueues(FailingQueue, IdleQueue);
            services.AddTimerFunction<AlwaysFailing>(FailingTimer, "*/2 * * * * *");
            services.AddQueueFunction<AlwaysFailing>(FailingQueueFunction, FailingQueue);
        });

    private sealed class AlwaysFailing : ITriggeredFunction
    {
        public Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken) =>
            throw new InvalidOperationException($"Could not reach the vault with AccountKey={Secret};\n   at Some.Stack.Frame()");
    }
}
