using PenguinMails.Admin.Monitoring;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Monitoring;

/// <summary>Every minute: writes this instance's figures, then checks every threshold and raises what newly holds.</summary>
public sealed class EvaluateMonitoringAlertsFunction(MonitoringFlusher flusher, MonitoringAlertEvaluator evaluator) : ITriggeredFunction
{
    public const string Name = "EvaluateMonitoringAlerts";
    public const string Schedule = "0 * * * * *";

    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        await flusher.FlushAsync(cancellationToken);
        var result = await evaluator.EvaluateAsync(cancellationToken);
        invocation.Logs.Add($"{result.ConditionsHolding} condition(s) hold; raised {result.Raised.Count}, cleared {result.Cleared.Count}.");
    }
}
