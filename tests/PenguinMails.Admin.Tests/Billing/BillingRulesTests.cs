using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Billing.Disputes;
using PenguinMails.Admin.Billing.Refunds;
using PenguinMails.Admin.Tickets;
using PenguinMails.Admin.Workflows;

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
    [InlineData("needs_response", TicketStatus.Open, false)]
    [InlineData("warning_needs_response", TicketStatus.Open, false)]
    [InlineData("under_review", TicketStatus.InProgress, false)]
    [InlineData("won", TicketStatus.Resolved, true)]
    [InlineData("lost", TicketStatus.Resolved, true)]
    public void DisputeStatus_MapsToTicketStatusAndClosesTheWorkflowWhenFinal(string stripeStatus, TicketStatus expected, bool closed)
    {
        Assert.Equal(expected, DisputeService.TicketStatusOf(stripeStatus));
        Assert.Equal(closed, BillingDisputeWorkflow.IsClosed(stripeStatus));
    }

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
    public void RefundInstanceIds_AreOnePerTenantAndInvoice()
    {
        var id = RefundWorkflow.InstanceId("tn_1", "in_1");

        Assert.Equal(id, RefundWorkflow.InstanceId("tn_1", "in_1"));
        Assert.StartsWith("refund-in_1-", id, StringComparison.Ordinal);
        Assert.NotEqual(id, RefundWorkflow.InstanceId("tn_2", "in_1"));
        Assert.True(WorkflowNames.IsValidInstanceId(RefundWorkflow.InstanceId("tn/1", "in 1/../x")));
        Assert.True(WorkflowNames.IsValidInstanceId(BillingDisputeWorkflow.InstanceId("dp_1")));
    }

    [Fact]
    public void RefundWorkflow_RemindsAfterThreeDaysEscalatesAfterSeven_AndPublishesItsStepsInOrder()
    {
        Assert.Equal((TimeSpan.FromDays(3), TimeSpan.FromDays(7)), (RefundWorkflow.RemindAfter, RefundWorkflow.EscalateAfter));
        Assert.Equal([nameof(VerifyDuplicateCharge), nameof(OpenRefundTicket), RefundWorkflow.AwaitRefund, nameof(RemindOnRefundTicket),
            RefundWorkflow.AwaitRefundAfterReminder, nameof(EscalateRefundTicket), RefundWorkflow.AwaitRefundAfterEscalation, nameof(CloseRefundTicket),
            nameof(NotifyCustomer)], RefundWorkflow.Definition.Steps);
    }
}
