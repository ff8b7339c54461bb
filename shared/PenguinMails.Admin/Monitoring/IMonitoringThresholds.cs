namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// The current alert thresholds: the platform settings' <c>monitoring</c> section (<see cref="SettingsMonitoringThresholds"/>),
/// with configuration (<c>Monitoring__*</c>) where the section is unset.
/// </summary>
public interface IMonitoringThresholds
{
    Task<MonitoringThresholds> GetAsync(CancellationToken cancellationToken = default);
}
