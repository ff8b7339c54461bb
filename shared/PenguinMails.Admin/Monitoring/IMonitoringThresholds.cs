namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// The current alert thresholds. The platform settings' <c>monitoring</c> section supplies them where it exists;
/// the default reads configuration (<c>Monitoring__*</c>).
/// </summary>
public interface IMonitoringThresholds
{
    Task<MonitoringThresholds> GetAsync(CancellationToken cancellationToken = default);
}
