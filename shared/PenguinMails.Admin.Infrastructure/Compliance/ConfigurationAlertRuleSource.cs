using System.Globalization;
using Microsoft.Extensions.Configuration;
using PenguinMails.Admin.Compliance.SignIns;

namespace PenguinMails.Admin.Infrastructure.Compliance;

/// <summary>
/// The sign-in monitor's rules from app settings (<c>Security__Alerts__FailuresPerIdentity</c> and so on), each with a
/// sane default. A malformed value stops start-up rather than silently turning a rule off.
/// </summary>
public sealed class ConfigurationAlertRuleSource : IAlertRuleSource
{
    public const string Section = "Security:Alerts";
    private readonly SignInAlertRules _rules;

    public ConfigurationAlertRuleSource(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var defaults = SignInAlertRules.Default;
        _rules = new SignInAlertRules
        {
            FailuresPerIdentity = Count(section, nameof(SignInAlertRules.FailuresPerIdentity), defaults.FailuresPerIdentity),
            FailuresPerIp = Count(section, nameof(SignInAlertRules.FailuresPerIp), defaults.FailuresPerIp),
            FailureWindow = TimeSpan.FromMinutes(Count(section, "FailureWindowMinutes", (int)defaults.FailureWindow.TotalMinutes, minimum: 1)),
            NewOriginForPrivileged = section[nameof(SignInAlertRules.NewOriginForPrivileged)] is { Length: > 0 } flag
                ? bool.TryParse(flag, out var on) ? on : throw Invalid(nameof(SignInAlertRules.NewOriginForPrivileged), flag)
                : defaults.NewOriginForPrivileged,
            OriginHistory = TimeSpan.FromDays(Count(section, "OriginHistoryDays", (int)defaults.OriginHistory.TotalDays, minimum: 1)),
            BurstActions = section[nameof(SignInAlertRules.BurstActions)] is { Length: > 0 } actions
                ? actions.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                : defaults.BurstActions,
            BurstCount = Count(section, nameof(SignInAlertRules.BurstCount), defaults.BurstCount),
            BurstWindow = TimeSpan.FromMinutes(Count(section, "BurstWindowMinutes", (int)defaults.BurstWindow.TotalMinutes, minimum: 1)),
        };
    }

    public Task<SignInAlertRules> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(_rules);

    private static int Count(IConfigurationSection section, string key, int fallback, int minimum = 0)
    {
        var raw = section[key];
        if (string.IsNullOrWhiteSpace(raw))
        {
            return fallback;
        }
        return int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum ? value : throw Invalid(key, raw);
    }

    private static InvalidOperationException Invalid(string key, string value) =>
        new($"Security__Alerts__{key} is '{value}'; expected a whole number (or true/false for switches). Fix the setting or remove it for the default.");
}
