using PenguinMails.Admin.Alerts;

namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// Sends monitoring alerts down the security alert path (stored, audited, published once). The evaluator has
/// already deduplicated, so each raise is keyed by its condition and time. The alert's recipients (the <c>monitoring</c>
/// section's <c>alertEmails</c>) travel on its <c>SecurityAlertRaised</c> event for the mail platform to deliver.
/// </summary>
public sealed class SecurityAlertPathSink(AlertService alerts) : IAlertSink
{
    public async Task RaiseAsync(MonitoringAlert alert, CancellationToken cancellationToken = default) =>
        await alerts.RaiseAsync(new AlertDraft(MonitoringAlert.Source, alert.Type,
            alert.Severity == MonitoringAlertSeverity.Critical ? AlertSeverity.Critical : AlertSeverity.Medium,
            alert.Summary, alert.OccurredAt, $"{alert.DeduplicationKey}|{alert.OccurredAt.UtcTicks}", Details: alert.Details,
            Recipients: alert.Recipients), cancellationToken);
}
