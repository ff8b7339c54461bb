using PenguinMails.Admin.Settings;

namespace PenguinMails.Admin.Compliance.SignIns;

/// <summary>
/// What the <c>security-alerts</c> section shows while it has no saved values: the configured rules
/// (<paramref name="configured"/>), every field filled in, so an operator sees the rules actually in effect.
/// </summary>
public sealed class ConfiguredAlertRuleSection(IAlertRuleSource configured) : ISettingsDefaults
{
    public string Section => SettingsSections.SecurityAlerts;

    public async Task<ISettingsValues> GetAsync(CancellationToken cancellationToken = default)
    {
        var rules = await configured.GetAsync(cancellationToken);
        return new SecurityAlertSettings(rules.FailuresPerIdentity, rules.FailuresPerIp, (int)rules.FailureWindow.TotalMinutes,
            rules.NewOriginForPrivileged, (int)rules.OriginHistory.TotalDays, rules.BurstActions, rules.BurstCount, (int)rules.BurstWindow.TotalMinutes);
    }
}
