using PenguinMails.Admin.Settings;

namespace PenguinMails.Admin.Compliance.SignIns;

/// <summary>
/// The sign-in monitor's rules from the platform settings' <c>security-alerts</c> section (versioned, edited at
/// <c>/api/settings/security-alerts</c>), read on every run so a saved change applies at the next one. While the
/// section has no saved values (never saved, or rolled back to version 0), and for each field a saved version leaves
/// null, the configured rules (<paramref name="configured"/>, <c>Security__Alerts__*</c>) apply.
/// </summary>
public sealed class SettingsAlertRuleSource(SettingsService settings, IAlertRuleSource configured) : IAlertRuleSource
{
    public async Task<SignInAlertRules> GetAsync(CancellationToken cancellationToken = default)
    {
        var fallback = await configured.GetAsync(cancellationToken);
        var current = await settings.GetAsync(SettingsSections.SecurityAlerts, cancellationToken);
        if (current.UsesDefaults)
        {
            return fallback;
        }
        var saved = SettingsSections.Read<SecurityAlertSettings>(current.Values);
        return fallback with
        {
            FailuresPerIdentity = saved.FailuresPerIdentity ?? fallback.FailuresPerIdentity,
            FailuresPerIp = saved.FailuresPerIp ?? fallback.FailuresPerIp,
            FailureWindow = saved.FailureWindowMinutes is { } failureWindow ? TimeSpan.FromMinutes(failureWindow) : fallback.FailureWindow,
            NewOriginForPrivileged = saved.NewOriginForPrivileged ?? fallback.NewOriginForPrivileged,
            OriginHistory = saved.OriginHistoryDays is { } days ? TimeSpan.FromDays(days) : fallback.OriginHistory,
            BurstActions = saved.BurstActions ?? fallback.BurstActions,
            BurstCount = saved.BurstCount ?? fallback.BurstCount,
            BurstWindow = saved.BurstWindowMinutes is { } burstWindow ? TimeSpan.FromMinutes(burstWindow) : fallback.BurstWindow,
        };
    }
}
