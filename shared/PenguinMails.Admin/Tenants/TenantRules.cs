using System.Text.RegularExpressions;
using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Tenants;

/// <summary>Field rules for tenants, shared by create, patch and the settings, billing and preference updates.</summary>
public static partial class TenantRules
{
    public const int MaxDailySendLimit = 10_000_000;
    public const int MaxRetentionDays = 3650;

    public static Validator Domain(this Validator validator, string field, string? value)
    {
        validator.Require(field, value, 253);
        return validator.When(!string.IsNullOrWhiteSpace(value) && !IsDomain(value.Trim().ToLowerInvariant()), field, $"{field} must be a domain name such as example.com.");
    }

    public static Validator Plan(this Validator validator, string field, string? value)
    {
        validator.Require(field, value, 40);
        return validator.When(!string.IsNullOrWhiteSpace(value) && !PlanPattern().IsMatch(value.Trim()), field,
            $"{field} must be a plan slug: lowercase letters, digits and dashes.");
    }

    public static Validator OptionalEmail(this Validator validator, string field, string? value) =>
        value is null ? validator : validator.Email(field, value);

    public static void Validate(TenantSettings s) => new Validator()
        .Require("timezone", s.Timezone, 64)
        .When(!string.IsNullOrWhiteSpace(s.Timezone) && !TimeZoneInfo.TryFindSystemTimeZoneById(s.Timezone, out _), "timezone",
            "timezone must be an IANA time zone such as Europe/Paris.")
        .When(s.DailySendLimit is < 0 or > MaxDailySendLimit, "dailySendLimit", $"dailySendLimit must be between 0 and {MaxDailySendLimit}.")
        .When(s.DataRetentionDays is < 1 or > MaxRetentionDays, "dataRetentionDays", $"dataRetentionDays must be between 1 and {MaxRetentionDays}.")
        .ThrowIfInvalid();

    public static void Validate(TenantBilling b) => new Validator()
        .When(b.StripeCustomerId is not null && !StripeCustomerPattern().IsMatch(b.StripeCustomerId), "stripeCustomerId",
            "stripeCustomerId must be a Stripe customer id (cus_...).")
        .OptionalEmail("billingEmail", b.BillingEmail)
        .Optional("taxId", b.TaxId, 64)
        .When(!CurrencyPattern().IsMatch(b.Currency ?? ""), "currency", "currency must be a three-letter ISO 4217 code such as usd.")
        .ThrowIfInvalid();

    public static void Validate(CommunicationPreferences p) => new Validator()
        .OptionalEmail("contactEmail", p.ContactEmail)
        // Security notices reach someone whatever the tenant prefers: they are how we tell them about breaches.
        .When(!p.SecurityNotices, "securityNotices", "Security notices cannot be turned off.")
        .ThrowIfInvalid();

    public static bool IsDomain(string value) => value.Length <= 253 && DomainPattern().IsMatch(value);

    [GeneratedRegex("^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$")]
    private static partial Regex DomainPattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,39}$")]
    private static partial Regex PlanPattern();

    [GeneratedRegex("^cus_[A-Za-z0-9]{1,250}$")]
    private static partial Regex StripeCustomerPattern();

    [GeneratedRegex("^[a-z]{3}$")]
    private static partial Regex CurrencyPattern();
}
