using PenguinMails.Admin.Settings;

namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// What the <c>monitoring</c> section shows while it has no saved values: the configured thresholds and alert
/// recipients (<paramref name="configured"/>, <c>Monitoring__*</c>), every field filled in, so an operator sees the
/// thresholds actually in effect.
/// </summary>
public sealed class ConfiguredMonitoringSection(IMonitoringThresholds configured) : ISettingsDefaults
{
    public string Section => SettingsSections.Monitoring;

    public async Task<ISettingsValues> GetAsync(CancellationToken cancellationToken = default)
    {
        var t = await configured.GetAsync(cancellationToken);
        return new MonitoringSettings((decimal)t.ErrorRatePercent, t.QueueBacklog, t.P95LatencyMs, t.FailedJobsPerHour, t.AlertEmails,
            t.PoisonMessages, t.OldestMessageAgeSeconds, t.FailedWorkflowsPerHour, t.MinimumRequests, t.RenotifyAfterMinutes);
    }
}
