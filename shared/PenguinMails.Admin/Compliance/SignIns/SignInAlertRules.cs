using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Compliance.SignIns;

/// <summary>
/// The sign-in monitor's rules. Counts are "at least": with <see cref="FailuresPerIdentity"/> = 5, the fifth failure
/// for one identity within <see cref="FailureWindow"/> raises an alert. A rule with a count of 0 is off.
/// </summary>
public sealed record SignInAlertRules
{
    public static SignInAlertRules Default { get; } = new();

    public int FailuresPerIdentity { get; init; } = 5;
    public int FailuresPerIp { get; init; } = 20;
    public TimeSpan FailureWindow { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Alert when a privileged person signs in from an IP address or user agent not seen in <see cref="OriginHistory"/>.</summary>
    public bool NewOriginForPrivileged { get; init; } = true;
    public TimeSpan OriginHistory { get; init; } = TimeSpan.FromDays(90);

    /// <summary>Audit actions that count towards a burst (reveals, bulk edits, exports): exact names, or prefixes of names that go on with '.' or '-'.</summary>
    public IReadOnlyList<string> BurstActions { get; init; } = [AuditActions.SecretsReveal, AuditActions.UsersBulk, AuditActions.UsersExport];
    public int BurstCount { get; init; } = 10;
    public TimeSpan BurstWindow { get; init; } = TimeSpan.FromMinutes(10);

    public TimeSpan LongestWindow => FailureWindow > BurstWindow ? FailureWindow : BurstWindow;

    public bool IsBurstAction(string action) => BurstActions.Any(a =>
        action == a || (action.StartsWith(a, StringComparison.Ordinal) && action.Length > a.Length && action[a.Length] is '.' or '-'));
}
