using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Billing.Refunds;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;
using static PenguinMails.Functions.Tests.Billing.FinanceSteps;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>
/// The refund workflow's durable timers and failures on the engine: a reminder on the ticket after the first deadline,
/// an escalation after the second, and a Stripe outage that fails the workflow visibly. DTFx timers run on the real
/// clock, so the deadlines (3 and 7 days in production) are seconds here, set through the same settings.
/// </summary>
public sealed class RefundDeadlineTests : IDisposable
{
    private readonly ManualBillingAppFactory _factory = new();

    private IWorkflowClient Workflows => _factory.Services.GetRequiredService<IWorkflowClient>();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task UnconfirmedRefund_IsRemindedAfterThreeDaysAndEscalatedAfterSevenThenCompletesOnConfirmation()
    {
        var scenario = await RefundScenario.ArrangeAsync(_factory);
        var (id, _) = await RequestRefundAsync(await FinanceAsync(), scenario.TenantId, scenario.InvoiceId);
        var ticketId = (await WaitForRefundAsync(await FinanceAsync(), id, "awaiting-refund")).GetProperty("ticketId").GetString()!;
        Assert.DoesNotContain(Comments(await TicketAsync(await FinanceAsync(), ticketId)), c => c.StartsWith("Escalated", StringComparison.Ordinal));

        var escalated = await Eventually.ValueAsync(async () => await TicketAsync(await FinanceAsync(), ticketId),
            t => t.GetProperty("priority").GetString() == "high", TimeSpan.FromSeconds(60), "The refund ticket was not escalated.");
        Assert.Single(Comments(escalated), c => c.StartsWith("Reminder", StringComparison.Ordinal));
        Assert.Single(Comments(escalated), c => c.StartsWith("Escalated", StringComparison.Ordinal));
        var refund = await WaitForRefundAsync(await FinanceAsync(), id, "awaiting-refund");
        Assert.NotEqual(JsonValueKind.Null, refund.GetProperty("remindedAt").ValueKind);
        Assert.NotEqual(JsonValueKind.Null, refund.GetProperty("escalatedAt").ValueKind);
        var waiting = await Eventually.ValueAsync(() => Workflows.FindAsync(id)!, i => i!.CurrentStep == RefundWorkflow.AwaitRefundAfterEscalation,
            TimeSpan.FromSeconds(30), "The refund did not wait after its escalation.");
        Assert.Equal(WorkflowRuntimeStatus.Waiting, waiting!.Status); // after the escalation it waits for Stripe, however long

        var (charge, _) = scenario.RefundInStripe(_factory);
        await DeliverAndProcessAsync(StripeWebhooks.Event("charge.refunded", charge));

        await Eventually.ValueAsync(() => Workflows.FindAsync(id)!, i => i!.Status == WorkflowRuntimeStatus.Completed, TimeSpan.FromSeconds(30),
            "The refund did not complete.");
        Assert.Equal("resolved", (await TicketAsync(await FinanceAsync(), ticketId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task StripeOutageThroughEveryRetry_FailsTheRefundAndRaisesOneAlertOnTheCommonPath()
    {
        var scenario = await RefundScenario.ArrangeAsync(_factory);
        _factory.Stripe.Down = true;
        var (id, _) = await RequestRefundAsync(await FinanceAsync(), scenario.TenantId, scenario.InvoiceId);

        var failed = await Eventually.ValueAsync(() => Workflows.FindAsync(id)!, i => i!.Status == WorkflowRuntimeStatus.Failed,
            TimeSpan.FromSeconds(60), "The refund did not fail.");
        Assert.NotNull(failed!.Error);
        Assert.Equal("failed", (await WaitForRefundAsync(await FinanceAsync(), id, "failed")).GetProperty("status").GetString());
        var (security, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.SecurityOfficer);
        var alerts = await (await security.GetAsync($"/api/security/alerts?type={WorkflowFailureReporter.AlertType}")).ReadJsonAsync();
        var alert = Assert.Single(alerts.GetProperty("items").EnumerateArray(), a => a.GetProperty("subject").GetString() == id);
        Assert.Contains("refund-request", alert.GetProperty("summary").GetString());
        Assert.Contains(await _factory.AuditAsync(alert.GetProperty("id").GetString()!), e => e.Action == "security.alert");
    }

    private async Task<HttpClient> FinanceAsync() => (await TestStaff.SignInAsync(_factory, RoleCatalog.Finance)).Client;

    private async Task DeliverAndProcessAsync(string payload)
    {
        var body = await (await StripeWebhooks.SendAsync(_factory.CreateClient(), payload)).ReadJsonAsync();
        await _factory.Services.GetRequiredService<StripeEventProcessor>().ProcessAsync(body.GetProperty("eventId").GetString()!);
    }

    private sealed class ManualBillingAppFactory() : BillingAppFactory(new FakeStripe(), new Dictionary<string, string?>
    {
        ["Triggers:RunLocally"] = "false",
        ["Billing:Refunds:RemindAfter"] = "00:00:02",
        ["Billing:Refunds:EscalateAfter"] = "00:00:04",
        ["Workflows:FirstRetryInterval"] = "00:00:00.200",
        ["Workflows:MaxRetryInterval"] = "00:00:01",
    });
}
