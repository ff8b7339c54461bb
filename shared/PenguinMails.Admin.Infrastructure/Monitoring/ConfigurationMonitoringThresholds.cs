using Microsoft.Extensions.Configuration;
using PenguinMails.Admin.Monitoring;

namespace PenguinMails.Admin.Infrastructure.Monitoring;

/// <summary>
/// Thresholds from configuration (<c>Monitoring__ErrorRatePercent</c> and so on), read on every evaluation: what applies
/// while the <c>monitoring</c> settings section is unset, and for the optional fields a saved version leaves null.
/// </summary>
public sealed class ConfigurationMonitoringThresholds(IConfiguration configuration) : IMonitoringThresholds
{
    public Task<MonitoringThresholds> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(configuration.GetSection("Monitoring").Get<MonitoringThresholds>() ?? new MonitoringThresholds());
}
