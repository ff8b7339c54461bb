using PenguinMails.Admin.Compliance.SignIns;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Compliance;

/// <summary>Every minute: the sign-in monitor reads the audit log since its last run and raises alerts.</summary>
public sealed class DetectSecurityAlertsFunction(SignInMonitor monitor) : ITriggeredFunction
{
    public const string Name = "DetectSecurityAlerts";
    public const string Schedule = "0 * * * * *";

    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var run = await monitor.RunAsync(cancellationToken);
        invocation.Logs.Add($"Read {run.EventsRead} new audit events up to {run.To:O}; raised {run.Raised.Count} alerts.");
        foreach (var alert in run.Raised)
        {
            invocation.Logs.Add($"Alert {alert.Id}: {alert.Type} ({alert.Severity.ToString().ToLowerInvariant()}): {alert.Summary}");
        }
    }
}
