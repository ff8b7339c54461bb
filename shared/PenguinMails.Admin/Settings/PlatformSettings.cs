namespace PenguinMails.Admin.Settings;

/// <summary>
/// Typed, always-current settings for the features that act on them (sending, deliverability, monitoring, security
/// alerts). Each call reads the section's head (one point read), so a saved change applies without a restart.
/// </summary>
public sealed class PlatformSettings(SettingsService settings)
{
    public Task<EmailDomainsSettings> EmailDomainsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<EmailDomainsSettings>(SettingsSections.EmailDomains, cancellationToken);

    public Task<DeliverabilitySettings> DeliverabilityAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<DeliverabilitySettings>(SettingsSections.Deliverability, cancellationToken);

    public Task<MonitoringSettings> MonitoringAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<MonitoringSettings>(SettingsSections.Monitoring, cancellationToken);

    public Task<SecurityAlertSettings> SecurityAlertsAsync(CancellationToken cancellationToken = default) =>
        ReadAsync<SecurityAlertSettings>(SettingsSections.SecurityAlerts, cancellationToken);

    private async Task<T> ReadAsync<T>(string section, CancellationToken cancellationToken) where T : ISettingsValues =>
        SettingsSections.Read<T>((await settings.GetAsync(section, cancellationToken)).Values);
}
