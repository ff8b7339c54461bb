using PenguinMails.Admin.Secrets;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Secrets;

/// <summary>Daily: raises an alert (on the one alert path) for each secret that expired or expires within 30 days, once per version, state and expiry date.</summary>
public sealed class SecretExpiryScanFunction(SecretExpiryScanner scanner) : ITriggeredFunction
{
    public const string Name = "SecretExpiryScan";
    public const string Schedule = "0 0 6 * * *";

    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var (found, raised) = await scanner.RaiseAlertsAsync(cancellationToken);
        invocation.Logs.Add($"{found} secret(s) expired or expiring within {SecretExpiryScanner.Horizon.TotalDays:0} days; {raised} new alert(s) raised.");
    }
}
