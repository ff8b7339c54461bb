using PenguinMails.Admin.Common;
using PenguinMails.Admin.Tenants;

namespace PenguinMails.Admin.Settings;

/// <summary>The <c>email-domains</c> section: the domains the platform sends from, and which traffic goes through which.</summary>
public sealed record EmailDomainsSettings(IReadOnlyList<SendingDomain> SendingDomains, IReadOnlyList<RoutingRule> Routing) : ISettingsValues
{
    public static readonly string[] TrafficKinds = ["transactional", "marketing", "system"];

    public static EmailDomainsSettings Default { get; } = new([new SendingDomain("mail.penguinmails.com", "pm1", true)],
        TrafficKinds.Select(t => new RoutingRule(t, "mail.penguinmails.com")).ToList());

    public void Validate(Validator validator)
    {
        validator.When(SendingDomains.Count is 0 or > 100, "values.sendingDomains", "List between 1 and 100 sending domains.");
        for (var i = 0; i < SendingDomains.Count; i++)
        {
            var d = SendingDomains[i];
            validator.When(!TenantRules.IsDomain(d.Domain), $"values.sendingDomains[{i}].domain", "Must be a domain name such as mail.example.com.")
                .When(d.DkimSelector.Length is 0 or > 63 || !d.DkimSelector.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'),
                    $"values.sendingDomains[{i}].dkimSelector", "Must be 1 to 63 lowercase letters, digits or dashes.");
        }
        validator.When(SendingDomains.Select(d => d.Domain).Distinct().Count() != SendingDomains.Count, "values.sendingDomains", "Each domain may appear once.");
        var enabled = SendingDomains.Where(d => d.Enabled).Select(d => d.Domain).ToHashSet();
        for (var i = 0; i < Routing.Count; i++)
        {
            validator.When(!TrafficKinds.Contains(Routing[i].Traffic), $"values.routing[{i}].traffic", $"Must be one of: {string.Join(", ", TrafficKinds)}.")
                .When(!enabled.Contains(Routing[i].Domain), $"values.routing[{i}].domain", "Must be an enabled sending domain of this section.");
        }
        validator.When(TrafficKinds.Any(t => Routing.Count(r => r.Traffic == t) != 1), "values.routing", "Route each kind of traffic exactly once.");
    }
}

/// <summary>A domain the platform sends from, with its DKIM selector.</summary>
public sealed record SendingDomain(string Domain, string DkimSelector, bool Enabled);

/// <summary>Which sending domain a kind of traffic (transactional, marketing, system) goes through.</summary>
public sealed record RoutingRule(string Traffic, string Domain);
