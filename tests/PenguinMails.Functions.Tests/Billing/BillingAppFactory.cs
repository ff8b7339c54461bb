using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Tenants;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>The real app on Azurite, with Stripe pointed at an in-process fake and the local trigger runner on.</summary>
public class BillingAppFactory : AdminAppFactory
{
    public BillingAppFactory()
        : this(new FakeStripe(), new Dictionary<string, string?>())
    {
    }

    protected BillingAppFactory(FakeStripe stripe, IDictionary<string, string?> extra)
        : base(Settings(stripe, extra))
    {
        Stripe = stripe;
    }

    public FakeStripe Stripe { get; }

    /// <summary>An approved (active) tenant of the Tenants feature, linked to a fresh Stripe customer as PUT /tenants/{id}/billing links it.</summary>
    public async Task<(string TenantId, string CustomerId)> NewTenantAsync()
    {
        var tenants = Services.GetRequiredService<TenantService>();
        var actor = Actor.System("billing-tests");
        var slug = Guid.NewGuid().ToString("N")[..12];
        var tenant = await tenants.CreateAsync(actor, "Tenant " + slug, $"{slug}.example.com", "growth", $"owner@{slug}.example.com", null);
        await tenants.ApproveAsync(actor, tenant.Value.Id, "verified");
        var customerId = "cus_" + Guid.NewGuid().ToString("N")[..14];
        await Services.GetRequiredService<ITenantBillingDirectory>().LinkCustomerAsync(tenant.Value.Id, customerId);
        return (tenant.Value.Id, customerId);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            Stripe.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static Dictionary<string, string?> Settings(FakeStripe stripe, IDictionary<string, string?> extra)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Stripe:SecretKey"] = FakeStripe.SecretKey,
            ["Stripe:ApiBase"] = stripe.Url,
            ["Stripe:WebhookSecret"] = StripeWebhooks.Secret,
            ["Triggers:RunLocally"] = "true",
        };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }
        return settings;
    }
}
