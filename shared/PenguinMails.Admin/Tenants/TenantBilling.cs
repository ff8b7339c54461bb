namespace PenguinMails.Admin.Tenants;

/// <summary>How the tenant is billed. <see cref="StripeCustomerId"/> links it to Stripe (the Finance feature reads it).</summary>
public sealed record TenantBilling(string? StripeCustomerId, string? BillingEmail, string? TaxId, string Currency)
{
    public static TenantBilling For(string ownerEmail) => new(null, ownerEmail, null, "usd");
}
