namespace PenguinMails.Admin.Compliance.SignIns;

/// <summary>
/// Where the sign-in monitor reads its rules on every run. The default reads app settings (<c>Security__Alerts__*</c>);
/// the settings feature can replace it so rules change without a restart.
/// </summary>
public interface IAlertRuleSource
{
    Task<SignInAlertRules> GetAsync(CancellationToken cancellationToken = default);
}
