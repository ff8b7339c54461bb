namespace PenguinMails.Admin.Compliance.SignIns;

/// <summary>
/// Where the sign-in monitor reads its rules on every run: the platform settings' <c>security-alerts</c> section
/// (<see cref="SettingsAlertRuleSource"/>), with app settings (<c>Security__Alerts__*</c>) where the section is unset.
/// </summary>
public interface IAlertRuleSource
{
    Task<SignInAlertRules> GetAsync(CancellationToken cancellationToken = default);
}
