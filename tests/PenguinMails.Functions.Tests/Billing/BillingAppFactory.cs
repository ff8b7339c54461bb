using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing;
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

    /// <summary>A tenant linked to a fresh Stripe customer, as the Tenants feature would link it.</summary>
    public async Task<(string TenantId, string CustomerId)> NewTenantAsync()
    {
        var tenantId = "tn_" + Guid.NewGuid().ToString("N")[..12];
        var customerId = "cus_" + Guid.NewGuid().ToString("N")[..14];
        await Services.GetRequiredService<ITenantBillingDirectory>().LinkCustomerAsync(tenantId, customerId);
        return (tenantId, customerId);
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
