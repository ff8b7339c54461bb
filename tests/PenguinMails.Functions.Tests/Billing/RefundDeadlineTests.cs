using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Workflows;
using static PenguinMails.Functions.Tests.Billing.FinanceSteps;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>
/// The refund workflow's timers and failures on the engine, with a fake clock and the worker played by the test: a
/// reminder on the ticket after 3 days, an escalation after 7, and a Stripe outage that fails the workflow visibly.
/// </summary>
public sealed class RefundDeadlineTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ManualBillingAppFactory _factory;
    private readonly TestWorker _worker;

    public RefundDeadlineTests()
    {
        _factory = new ManualBillingAppFactory { Time = _time };
        _worker = new TestWorker(_factory);
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task UnconfirmedRefund_IsRemindedAfterThreeDaysAndEscalatedAfterSevenThenCompletesOnConfirmation()
    {
        var scenario = await RefundScenario.ArrangeAsync(_factory);
        var (id, _) = await RequestRefundAsync(await FinanceAsync(), scenario.TenantId, scenario.InvoiceId);
        await _worker.DrainAsync();
        var ticketId = (await WaitForRefundAsync(await FinanceAsync(), id, "awaiting-refund")).GetProperty("ticketId").GetString()!;

        await PassAsync(TimeSpan.FromDays(2), expectDue: false);
        Assert.DoesNotContain(Comments(await TicketAsync(await FinanceAsync(), ticketId)), c => c.StartsWith("Reminder", StringComparison.Ordinal));
        await PassAsync(TimeSpan.FromDays(1));
        var reminded = await TicketAsync(await FinanceAsync(), ticketId);
        Assert.Single(Comments(reminded), c => c.StartsWith("Reminder", StringComparison.Ordinal));
        Assert.Equal("normal", reminded.GetProperty("priority").GetString());
        Assert.NotEqual(JsonValueKind.Null, (await WaitForRefundAsync(await FinanceAsync(), id, "awaiting-refund")).GetProperty("remindedAt").ValueKind);

        await PassAsync(TimeSpan.FromDays(4));
        var escalated = await TicketAsync(await FinanceAsync(), ticketId);
        Assert.Equal("high", escalated.GetProperty("priority").GetString());
        Assert.Single(Comments(escalated), c => c.StartsWith("Escalated", StringComparison.Ordinal));
        var refund = await WaitForRefundAsync(await FinanceAsync(), id, "awaiting-refund");
        Assert.NotEqual(JsonValueKind.Null, refund.GetProperty("escalatedAt").ValueKind);
        Assert.Equal(WorkflowRuntimeStatus.Waiting, (await _worker.InstanceAsync(id)).Status);
        Assert.Null((await _worker.InstanceAsync(id)).DueAt); // after the escalation it waits for Stripe, however long

        var (charge, _) = scenario.RefundInStripe(_factory);
        await DeliverAndProcessAsync(StripeWebhooks.Event("charge.refunded", charge));
        await _worker.DrainAsync();

        Assert.Equal(WorkflowRuntimeStatus.Completed, (await _worker.InstanceAsync(id)).Status);
        Assert.Equal("resolved", (await TicketAsync(await FinanceAsync(), ticketId)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task StripeOutageThroughEveryRetry_FailsTheRefundAndRaisesOneAlertOnTheCommonPath()
    {
        var scenario = await RefundScenario.ArrangeAsync(_factory);
        _factory.Stripe.Down = true;
        var (id, _) = await RequestRefundAsync(await FinanceAsync(), scenario.TenantId, scenario.InvoiceId);
        await _worker.DrainAsync();

        // Let the retries run out: each pass moves the clock past the longest retry delay, so whatever attempt is next is
        // due. (A retry's queue message also becomes visible after its real delay, so on a slow machine the worker may run
        // an attempt before the sweeper looks; passes are therefore counted, not matched to attempts.)
        var longest = RetryPolicy.Default.MaxDelay!.Value;
        for (var pass = 0; pass < 2 * RetryPolicy.Default.MaxAttempts && (await _worker.InstanceAsync(id)).Status != WorkflowRuntimeStatus.Failed; pass++)
        {
            await PassAsync(longest, expectDue: null);
        }

        var failed = await _worker.InstanceAsync(id);
        Assert.Equal(WorkflowRuntimeStatus.Failed, failed.Status);
        Assert.Contains("VerifyDuplicateCharge", failed.CustomStatus);
        Assert.Equal("failed", (await WaitForRefundAsync(await FinanceAsync(), id, "failed")).GetProperty("status").GetString());
        var (security, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.SecurityOfficer);
        var alerts = await (await security.GetAsync($"/api/security/alerts?type={WorkflowFailureReporter.AlertType}")).ReadJsonAsync();
        var alert = Assert.Single(alerts.GetProperty("items").EnumerateArray(), a => a.GetProperty("subject").GetString() == id);
        Assert.Contains("refund-request", alert.GetProperty("summary").GetString());
        Assert.Contains(await _factory.AuditAsync(alert.GetProperty("id").GetString()!), e => e.Action == "security.alert");
    }

    /// <summary>Lets time pass (plus the sweeper's grace: the queue's real visibility delay has not run out) and runs what is due.</summary>
    private async Task PassAsync(TimeSpan delay, bool? expectDue = true)
    {
        _time.Advance(delay + _factory.Services.GetRequiredService<WorkflowOptions>().SweepGrace + TimeSpan.FromSeconds(1));
        var swept = await _worker.Sweeper.SweepAsync();
        if (expectDue is { } due)
        {
            Assert.Equal(due, swept.Redriven >= 1);
        }
        await _worker.DrainAsync();
    }

    /// <summary>Sessions follow the fake clock, so each step signs in afresh.</summary>
    private async Task<HttpClient> FinanceAsync() => (await TestStaff.SignInAsync(_factory, RoleCatalog.Finance)).Client;

    private async Task DeliverAndProcessAsync(string payload)
    {
        var body = await (await StripeWebhooks.SendAsync(_factory.CreateClient(), payload)).ReadJsonAsync();
        await _factory.Services.GetRequiredService<StripeEventProcessor>().ProcessAsync(body.GetProperty("eventId").GetString()!);
    }

    private sealed class ManualBillingAppFactory() : BillingAppFactory(new FakeStripe(), new Dictionary<string, string?> { ["Triggers:RunLocally"] = "false" });
}
