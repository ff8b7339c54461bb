using Microsoft.Extensions.Configuration;
using PenguinMails.Admin.Monitoring;

namespace PenguinMails.Admin.Infrastructure.Monitoring;

/// <summary>Thresholds from configuration (<c>Monitoring__ErrorRatePercent</c> and so on), read on every evaluation.</summary>
public sealed class ConfigurationMonitoringThresholds(IConfiguration configuration) : IMonitoringThresholds
{
    public Task<MonitoringThresholds> GetAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult(configuration.GetSection("Monitoring").Get<MonitoringThresholds>() ?? new MonitoringThresholds());
}
