using PenguinMails.Admin.Billing;

namespace PenguinMails.Admin.Tests.Billing;

public sealed class BillingRulesTests
{
    [Theory]
    [InlineData("active", null, TenantBillingStatus.Active)]
    [InlineData("trialing", null, TenantBillingStatus.Active)]
    [InlineData("past_due", null, TenantBillingStatus.Active)]
    [InlineData("paused", null, TenantBillingStatus.Paused)]
    [InlineData("active", "keep_as_draft", TenantBillingStatus.Paused)]
    [InlineData("canceled", "void", TenantBillingStatus.Closed)]
    [InlineData("incomplete_expired", null, TenantBillingStatus.Closed)]
    public void SubscriptionStatusAndPauseCollection_DecideTheTenantStatus(string status, string? pause, TenantBillingStatus expected)
    {
        var subscription = new StripeSubscription("sub_1", "cus_1", status, pause, false, DateTimeOffset.UnixEpoch, false);

        Assert.Equal(expected, subscription.TenantStatus);
    }

    [Theory]
    [InlineData("needs_response", FinanceTicketStatus.Open)]
    [InlineData("warning_needs_response", FinanceTicketStatus.Open)]
    [InlineData("under_review", FinanceTicketStatus.InProgress)]
    [InlineData("won", FinanceTicketStatus.Done)]
    [InlineData("lost", FinanceTicketStatus.Done)]
    public void DisputeStatus_MapsToTicketStatus(string stripeStatus, FinanceTicketStatus expected) =>
        Assert.Equal(expected, DisputeService.TicketStatusOf(stripeStatus));

    [Fact]
    public void DashboardLinks_PointAtTestModeOnlyForTestObjects()
    {
        Assert.Equal("https://dashboard.stripe.com/test/customers/cus_1", StripeDashboardLinks.Customer("cus_1", testMode: true));
        Assert.Equal("https://dashboard.stripe.com/invoices/in_1", StripeDashboardLinks.For(TransactionKind.Invoice, "in_1", testMode: false));
        Assert.Equal("https://dashboard.stripe.com/payments/ch_1", StripeDashboardLinks.For(TransactionKind.Charge, "ch_1", testMode: false));
    }

    [Fact]
    public void ChargeThatIsRefunded_IsNoLongerKept()
    {
        var charge = new StripeCharge("ch_1", "cus_1", 100, 0, "usd", "succeeded", false, false, DateTimeOffset.UnixEpoch, null, false);

        Assert.True(charge.IsKept);
        Assert.False((charge with { AmountRefunded = 100, Refunded = true }).IsKept);
        Assert.False((charge with { Status = "failed" }).IsKept);
    }

    [Fact]
    public void RefundRequestHistory_GrowsAndMovesUpdatedAt()
    {
        var at = DateTimeOffset.UnixEpoch;
        var request = new RefundRequest("r1", "t1", "in_1", "why", "s1", RefundRequestStatus.Verifying, null, null, null, at, at, null, null, null,
            null, null, []);

        var next = request.With(new RefundStep("Requested", at.AddHours(1), "x"));

        Assert.Single(next.History);
        Assert.Equal(at.AddHours(1), next.UpdatedAt);
        Assert.Empty(request.History);
    }
}
