using PenguinMails.Admin.Monitoring.Series;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Monitoring;

/// <summary>Every minute: samples every monitored queue's depth and oldest message age for the queue series.</summary>
public sealed class SampleQueuesFunction(QueueSampler sampler) : ITriggeredFunction
{
    public const string Name = "SampleQueues";
    public const string Schedule = "30 * * * * *";

    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var sampled = await sampler.SampleAsync(cancellationToken);
        invocation.Logs.Add($"Sampled {sampled} queue(s).");
    }
}
