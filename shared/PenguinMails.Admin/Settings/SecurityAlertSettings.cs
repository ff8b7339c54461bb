using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Settings;

/// <summary>
/// The <c>security-alerts</c> section: the sign-in monitor's rules (repeated failures per identity and per IP, a
/// privileged sign-in from a new origin, bursts of sensitive actions). Every field is optional: null (or absent) means
/// "as configured" (<c>Security__Alerts__*</c>), so an operator can tune one rule without restating the others.
/// Counts are "at least" and at least 1: a counting rule can be switched off only in configuration (0).
/// </summary>
public sealed record SecurityAlertSettings(
    int? FailuresPerIdentity = null,
    int? FailuresPerIp = null,
    int? FailureWindowMinutes = null,
    bool? NewOriginForPrivileged = null,
    int? OriginHistoryDays = null,
    IReadOnlyList<string>? BurstActions = null,
    int? BurstCount = null,
    int? BurstWindowMinutes = null)
    : ISettingsValues
{
    public const int MaxFailuresPerIdentity = 1_000;
    public const int MaxFailuresPerIp = 100_000;
    public const int MaxBurstCount = 10_000;

    /// <summary>One day: the monitor reads back this far on every run, and catches up at most a day per run.</summary>
    public const int MaxWindowMinutes = 24 * 60;

    public const int MaxOriginHistoryDays = 366;
    public const int MaxBurstActions = 50;
    public const int MaxActionLength = 100;

    /// <summary>Everything as configured.</summary>
    public static SecurityAlertSettings Default { get; } = new();

    public void Validate(Validator validator)
    {
        const string Configured = ", or null for the configured value.";
        validator.When(FailuresPerIdentity is < 1 or > MaxFailuresPerIdentity, "values.failuresPerIdentity", "Must be between 1 and 1,000" + Configured)
            .When(FailuresPerIp is < 1 or > MaxFailuresPerIp, "values.failuresPerIp", "Must be between 1 and 100,000" + Configured)
            .When(FailureWindowMinutes is < 1 or > MaxWindowMinutes, "values.failureWindowMinutes", "Must be between 1 and 1,440 minutes (a day)" + Configured)
            .When(OriginHistoryDays is < 1 or > MaxOriginHistoryDays, "values.originHistoryDays", "Must be between 1 and 366 days" + Configured)
            .When(BurstCount is < 1 or > MaxBurstCount, "values.burstCount", "Must be between 1 and 10,000" + Configured)
            .When(BurstWindowMinutes is < 1 or > MaxWindowMinutes, "values.burstWindowMinutes", "Must be between 1 and 1,440 minutes (a day)" + Configured);
        if (BurstActions is null)
        {
            return;
        }
        validator.When(BurstActions.Count is 0 or > MaxBurstActions, "values.burstActions", "List between 1 and 50 audit actions" + Configured)
            .When(BurstActions.Distinct(StringComparer.Ordinal).Count() != BurstActions.Count, "values.burstActions", "Each action may appear once.");
        for (var i = 0; i < BurstActions.Count; i++)
        {
            validator.When(!IsActionName(BurstActions[i]), $"values.burstActions[{i}]",
                "Must be an audit action or prefix such as secrets.reveal or users: 1 to 100 lowercase letters, digits, '.', '-' or '_', starting with a letter.");
        }
    }

    private static bool IsActionName(string action) =>
        action.Length is > 0 and <= MaxActionLength && char.IsAsciiLetterLower(action[0])
        && action.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_');
}
