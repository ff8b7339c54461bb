using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>The finance views through Stripe.net against the Stripe fake: billing, transactions, reconcile and sync.</summary>
public sealed class FinanceApiTests(BillingAppFactory factory) : IClassFixture<BillingAppFactory>
{
    [Fact]
    public async Task TenantBilling_ShowsStatusSubscriptionInvoicesAndTestModeDashboardLinks()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);
        var (tenantId, customerId) = await factory.NewTenantAsync();
        factory.Stripe.Put("subscriptions", StripeObjects.Subscription("sub_" + tenantId, customerId, "active", "void"));
        factory.Stripe.Put("invoices", StripeObjects.Invoice("in_" + tenantId, customerId, 4900, subscription: "sub_" + tenantId));

        var body = await (await client.GetAsync($"/api/finance/tenants/{tenantId}/billing")).ReadJsonAsync();

        Assert.Equal(customerId, body.GetProperty("stripeCustomerId").GetString());
        Assert.True(body.GetProperty("testMode").GetBoolean());
        Assert.Equal($"https://dashboard.stripe.com/test/customers/{customerId}", body.GetProperty("stripeDashboardUrl").GetString());
        var subscription = body.GetProperty("subscription");
        Assert.Equal("paused", subscription.GetProperty("tenantStatus").GetString());
        Assert.Equal($"https://dashboard.stripe.com/test/subscriptions/sub_{tenantId}", subscription.GetProperty("stripeDashboardUrl").GetString());
        var invoice = Assert.Single(body.GetProperty("invoices").EnumerateArray());
        Assert.Equal($"https://dashboard.stripe.com/test/invoices/in_{tenantId}", invoice.GetProperty("stripeDashboardUrl").GetString());
        Assert.Equal("sub_" + tenantId, invoice.GetProperty("subscriptionId").GetString());
    }

    [Fact]
    public async Task Sync_FollowsStripesPagesAndIsIdempotent_ThenTransactionsArePaged()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);
        var (tenantId, customerId) = await factory.NewTenantAsync();
        var start = DateTimeOffset.UtcNow.AddDays(-200);
        for (var i = 0; i < 120; i++)
        {
            factory.Stripe.Put("charges", StripeObjects.Charge($"ch_{tenantId}_{i:D3}", customerId, 1000 + i, start.AddDays(i)));
        }
        factory.Stripe.Put("invoices", StripeObjects.Invoice("in_" + tenantId, customerId, 4900));

        var first = await (await client.PostAsJsonAsync($"/api/finance/tenants/{tenantId}/sync", new { reason = "monthly close" })).ReadJsonAsync();
        var second = await (await client.PostAsJsonAsync($"/api/finance/tenants/{tenantId}/sync", new { })).ReadJsonAsync();

        Assert.Equal(120, first.GetProperty("charges").GetInt32());
        Assert.Equal(121, first.GetProperty("changed").GetInt32());
        Assert.Equal(0, second.GetProperty("changed").GetInt32());
        Assert.Equal(121, second.GetProperty("unchanged").GetInt32());
        Assert.True(factory.Stripe.Requests.Count(r => r.Contains($"customer={customerId}", StringComparison.Ordinal)
            && r.StartsWith("/v1/charges", StringComparison.Ordinal) && r.Contains("starting_after", StringComparison.Ordinal)) >= 2);
        Assert.Contains(await factory.AuditAsync(tenantId), e => e.Action == "finance.sync" && e.Reason == "monthly close");

        var page = await (await client.GetAsync($"/api/finance/transactions?tenantId={tenantId}&pageSize=100")).ReadJsonAsync();
        Assert.Equal(100, page.GetProperty("items").GetArrayLength());
        var cursor = page.GetProperty("nextCursor").GetString();
        var rest = await (await client.GetAsync($"/api/finance/transactions?tenantId={tenantId}&pageSize=100&cursor={Uri.EscapeDataString(cursor!)}"))
            .ReadJsonAsync();
        Assert.Equal(21, rest.GetProperty("items").GetArrayLength());
        var charge = page.GetProperty("items").EnumerateArray().First(t => t.GetProperty("kind").GetString() == "charge");
        Assert.StartsWith("https://dashboard.stripe.com/test/payments/ch_", charge.GetProperty("stripeDashboardUrl").GetString());
    }

    [Fact]
    public async Task Reconcile_SortsObjectsIntoMatchedMissingAndMismatched()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);
        var (tenantId, customerId) = await factory.NewTenantAsync();
        var mirror = factory.Services.GetRequiredService<ITransactionMirror>();
        var same = StripeObjects.Charge("ch_same_" + tenantId, customerId, 1000);
        var differs = StripeObjects.Charge("ch_diff_" + tenantId, customerId, 2000, refunded: 2000);
        factory.Stripe.Put("charges", same);
        factory.Stripe.Put("charges", differs);
        factory.Stripe.Put("invoices", StripeObjects.Invoice("in_new_" + tenantId, customerId, 3000));
        var now = DateTimeOffset.FromUnixTimeSeconds((long)same["created"]!);
        await mirror.UpsertAsync(new Transaction(tenantId, "ch_same_" + tenantId, TransactionKind.Charge, customerId, 1000, 0, "usd", "succeeded", now, false));
        await mirror.UpsertAsync(new Transaction(tenantId, "ch_diff_" + tenantId, TransactionKind.Charge, customerId, 2000, 0, "usd", "succeeded", now, false));
        await mirror.UpsertAsync(new Transaction(tenantId, "ch_gone_" + tenantId, TransactionKind.Charge, customerId, 500, 0, "usd", "succeeded", now, false));

        var report = await (await client.GetAsync($"/api/finance/tenants/{tenantId}/reconcile")).ReadJsonAsync();

        Assert.Equal(["ch_same_" + tenantId], report.GetProperty("matched").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(["in_new_" + tenantId], report.GetProperty("missingLocally").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        Assert.Equal(["ch_gone_" + tenantId], report.GetProperty("missingInStripe").EnumerateArray().Select(t => t.GetProperty("id").GetString()));
        var mismatch = Assert.Single(report.GetProperty("mismatched").EnumerateArray());
        Assert.Equal("amountRefunded", mismatch.GetProperty("field").GetString());
        Assert.Equal("0", mismatch.GetProperty("local").GetString());
        Assert.Equal("2000", mismatch.GetProperty("stripe").GetString());
    }

    [Fact]
    public async Task UnknownTenant_Is404AndTransactionsNeedATenant()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Finance);

        await (await client.GetAsync("/api/finance/tenants/nope/billing")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        await (await client.GetAsync("/api/finance/transactions")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task SupportAgent_CannotReadFinance()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SupportAgent);
        var (tenantId, _) = await factory.NewTenantAsync();

        await (await client.GetAsync($"/api/finance/tenants/{tenantId}/billing")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await client.PostAsJsonAsync($"/api/finance/tenants/{tenantId}/sync", new { })).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task WithoutAStripeKey_TheBillingViewWorksFromOurRecords_AndReconcileAndSyncSayStripeIsNotConfigured()
    {
        using var unconfigured = AdminAppFactory.WithSettings(new Dictionary<string, string?>());
        var (client, _) = await TestStaff.SignInAsync(unconfigured, RoleCatalog.Finance);
        var (admin, _) = await TestStaff.SignInAsync(unconfigured, RoleCatalog.Admin);
        var tenantId = (await Tenants.TenantTestData.CreateActiveAsync(admin)).GetProperty("id").GetString()!;
        await unconfigured.Services.GetRequiredService<ITenantBillingDirectory>().LinkCustomerAsync(tenantId, "cus_unconfigured");
        await unconfigured.Services.GetRequiredService<ITransactionMirror>().UpsertAsync(new Transaction(tenantId, "in_local", TransactionKind.Invoice,
            "cus_unconfigured", 4900, 0, "usd", "paid", DateTimeOffset.UtcNow, false));

        var body = await (await client.GetAsync($"/api/finance/tenants/{tenantId}/billing")).ReadJsonAsync();

        Assert.False(body.GetProperty("stripeConfigured").GetBoolean());
        Assert.Equal(["subscriptions", "reconcile", "sync"], body.GetProperty("needsStripe").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("active", body.GetProperty("status").GetString());
        Assert.EndsWith("/customers/cus_unconfigured", body.GetProperty("stripeDashboardUrl").GetString());
        Assert.Equal("in_local", Assert.Single(body.GetProperty("invoices").EnumerateArray()).GetProperty("id").GetString());
        foreach (var response in new[]
                 {
                     await client.GetAsync($"/api/finance/tenants/{tenantId}/reconcile"),
                     await client.PostAsJsonAsync($"/api/finance/tenants/{tenantId}/sync", new { reason = "check" }),
                 })
        {
            var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "stripe_not_configured");
            Assert.Contains("Stripe__SecretKey", problem.GetProperty("detail").GetString());
        }
    }
}
