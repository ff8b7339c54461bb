using PenguinMails.Admin.Settings;

namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// The alert thresholds from the platform settings' <c>monitoring</c> section (versioned, edited at
/// <c>/api/settings/monitoring</c>), read on every evaluation so a saved change applies at the next one. While the
/// section has no saved values (never saved, or rolled back to version 0), and for each optional threshold a saved
/// version leaves null, the configured thresholds (<paramref name="configured"/>) apply.
/// </summary>
public sealed class SettingsMonitoringThresholds(SettingsService settings, IMonitoringThresholds configured) : IMonitoringThresholds
{
    public async Task<MonitoringThresholds> GetAsync(CancellationToken cancellationToken = default)
    {
        var fallback = await configured.GetAsync(cancellationToken);
        var current = await settings.GetAsync(SettingsSections.Monitoring, cancellationToken);
        if (current.UsesDefaults)
        {
            return fallback;
        }
        var saved = SettingsSections.Read<MonitoringSettings>(current.Values);
        return fallback with
        {
            ErrorRatePercent = (double)saved.ErrorRatePercent,
            QueueBacklog = saved.QueueBacklog,
            P95LatencyMs = saved.P95LatencyMs,
            FailedJobsPerHour = saved.FailedJobsPerHour,
            AlertEmails = saved.AlertEmails,
            PoisonMessages = saved.PoisonMessages ?? fallback.PoisonMessages,
            OldestMessageAgeSeconds = saved.OldestMessageAgeSeconds ?? fallback.OldestMessageAgeSeconds,
            FailedWorkflowsPerHour = saved.FailedWorkflowsPerHour ?? fallback.FailedWorkflowsPerHour,
            MinimumRequests = saved.MinimumRequests ?? fallback.MinimumRequests,
            RenotifyAfterMinutes = saved.RenotifyAfterMinutes ?? fallback.RenotifyAfterMinutes,
        };
    }
}
