using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Security;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>The refund workflow's timers, driven by a fake clock: a reminder after 3 days, an escalation after 7.</summary>
public sealed class RefundDeadlineTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly ManualBillingAppFactory _factory;

    public RefundDeadlineTests() => _factory = new ManualBillingAppFactory { Time = _time };

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task UnconfirmedRefund_IsRemindedAfterThreeDaysAndEscalatedAfterSeven()
    {
        var scenario = await RefundScenario.ArrangeAsync(_factory);
        var services = _factory.Services;
        var actor = Actor.System("tests");
        var request = await services.GetRequiredService<RefundRequestService>().StartAsync(actor, scenario.TenantId, scenario.InvoiceId, "twice");
        var waiting = await services.GetRequiredService<RefundVerificationStep>().RunAsync(request.Id);
        var deadlines = services.GetRequiredService<RefundDeadlines>();
        var desk = services.GetRequiredService<IFinanceTicketDesk>();

        _time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(0, await deadlines.RunAsync());
        _time.Advance(TimeSpan.FromDays(1.5));
        Assert.Equal(1, await deadlines.RunAsync());
        Assert.Equal(0, await deadlines.RunAsync());
        var reminded = (await desk.GetAsync(waiting.TicketId!))!;
        Assert.Contains(reminded.Notes, n => n.StartsWith("Reminder:", StringComparison.Ordinal));
        Assert.False(reminded.Escalated);

        _time.Advance(TimeSpan.FromDays(4));
        Assert.Equal(1, await deadlines.RunAsync());

        Assert.True((await desk.GetAsync(waiting.TicketId!))!.Escalated);
        var escalated = await services.GetRequiredService<RefundRequestService>().GetAsync(request.Id);
        Assert.NotNull(escalated.EscalatedAt);
        Assert.Equal(RefundRequestStatus.AwaitingRefund, escalated.Status);
    }

    private sealed class ManualBillingAppFactory() : BillingAppFactory(new FakeStripe(), new Dictionary<string, string?> { ["Triggers:RunLocally"] = "false" });
}
