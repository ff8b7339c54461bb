using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Alerts;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;
using static PenguinMails.Admin.Workflows.WorkflowHistoryEventTypes;

namespace PenguinMails.Functions.Tests.Workflows;

/// <summary>Durable timers and waits for external events, with time under the test's control.</summary>
public sealed class WorkflowTimerTests : IDisposable
{
    private static readonly Actor Starter = Actor.System("tests");
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly AdminAppFactory _factory;
    private readonly TestWorker _worker;

    public WorkflowTimerTests()
    {
        _factory = new AdminAppFactory { Time = _time }.Register();
        _worker = new TestWorker(_factory);
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task DurableTimer_WaitsItsDelayThenMovesOn()
    {
        var id = await StartAsync(TestWorkflows.Nap);
        await _worker.DrainAsync();
        var sleeping = await _worker.InstanceAsync(id);
        Assert.Equal(0, sleeping.StepIndex);
        Assert.Equal(_time.GetUtcNow().AddHours(1), sleeping.DueAt);

        _time.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(0, (await _worker.Sweeper.SweepAsync()).Redriven);
        await AdvancePastAndSweepAsync(TimeSpan.FromMinutes(1));
        await _worker.DrainAsync();

        var status = await _worker.Client.GetAsync(id);
        Assert.Equal(WorkflowRuntimeStatus.Completed, status.Instance.Status);
        var fired = Assert.Single(status.History, h => h.EventType == TimerFired);
        Assert.True(fired.StartedTime >= fired.DueTime);
    }

    [Fact]
    public async Task EventRaisedWhileWaiting_ContinuesAtOnce()
    {
        var id = await StartAsync(TestWorkflows.Confirmation);
        await _worker.DrainAsync();
        Assert.Equal(WorkflowRuntimeStatus.Waiting, (await _worker.InstanceAsync(id)).Status);

        await _worker.Client.RaiseEventAsync(Starter, id, "Confirmed", JsonSerializer.SerializeToElement(new { refundId = "re_1" }));
        await _worker.DrainAsync();

        var status = await _worker.Client.GetAsync(id);
        Assert.Equal(WorkflowRuntimeStatus.Completed, status.Instance.Status);
        Assert.Equal("re_1", status.Instance.Output!.Value.GetProperty("AwaitConfirmation").GetProperty("refundId").GetString());
        Assert.DoesNotContain(status.History, h => h.Name == "Remind");
    }

    [Fact]
    public async Task EventRaisedBeforeTheWait_IsKeptUntilTheWaitAsksForIt()
    {
        var id = "early-" + Guid.NewGuid().ToString("N");
        await _worker.Client.StartAsync(Starter, TestWorkflows.Confirmation.Type, id, null);
        await _worker.Client.RaiseEventAsync(Starter, id, "Unrelated", null);
        await _worker.Client.RaiseEventAsync(Starter, id, "Confirmed", null);
        await _worker.DrainAsync();

        var status = await _worker.Client.GetAsync(id);
        Assert.Equal(WorkflowRuntimeStatus.Completed, status.Instance.Status);
        Assert.Equal("Unrelated", Assert.Single(status.Instance.PendingEvents).Name);
    }

    [Fact]
    public async Task WaitTimeout_ContinuesAtTheReminderAndAfterTheSecondTimeoutFailsVisibly()
    {
        var id = await StartAsync(TestWorkflows.Confirmation);
        await _worker.DrainAsync();

        await AdvancePastAndSweepAsync(TimeSpan.FromDays(3));
        await _worker.DrainAsync();
        var reminded = await _worker.Client.GetAsync(id);
        Assert.Equal(WorkflowRuntimeStatus.Waiting, reminded.Instance.Status);
        Assert.Contains(reminded.History, h => h.EventType == ActivityCompleted && h.Name == "Remind");
        Assert.True(reminded.Instance.Output is null);

        await AdvancePastAndSweepAsync(TimeSpan.FromDays(4));
        await _worker.DrainAsync();

        var failed = await _worker.Client.GetAsync(id);
        Assert.Equal(WorkflowRuntimeStatus.Failed, failed.Instance.Status);
        Assert.Contains("Confirmed", failed.Instance.Error);
        Assert.Null(failed.Instance.DueAt);
        Assert.Contains(failed.History, h => h.EventType == ExecutionFailed && h.Name == "AwaitAfterReminder");
        await AssertFailureAuditedAndAlertedOnceAsync(id);
    }

    /// <summary>
    /// Lets <paramref name="delay"/> pass, plus the sweeper's grace: with fake time the queue's real visibility delay
    /// has not run out, so the sweeper is what notices the due instance.
    /// </summary>
    private async Task AdvancePastAndSweepAsync(TimeSpan delay)
    {
        _time.Advance(delay + _factory.Services.GetRequiredService<WorkflowOptions>().SweepGrace + TimeSpan.FromSeconds(1));
        Assert.True((await _worker.Sweeper.SweepAsync()).Redriven >= 1);
    }

    /// <summary>The failure is one audit event and one alert on the common path: listed with the security alerts, audited, published once.</summary>
    private async Task AssertFailureAuditedAndAlertedOnceAsync(string id)
    {
        var audit = _factory.Services.GetRequiredService<IAuditLog>();
        var events = await audit.QueryAsync(new AuditQuery(null, id, "workflow.failed", null, null), Admin.Common.PageRequest.First());
        var failure = Assert.Single(events.Items);
        Assert.Equal("failure", failure.Outcome);
        // Reporting it again (a re-driven item) must not raise a second alert.
        await _factory.Services.GetRequiredService<WorkflowFailureReporter>().ReportAsync(await _worker.InstanceAsync(id));

        var (security, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.SecurityOfficer);
        var alerts = await (await security.GetAsync($"/api/security/alerts?type={WorkflowFailureReporter.AlertType}&pageSize=500")).ReadJsonAsync();
        var alert = Assert.Single(alerts.GetProperty("items").EnumerateArray(), a => a.GetProperty("subject").GetString() == id);
        Assert.Equal(WorkflowFailureReporter.AlertSource, alert.GetProperty("source").GetString());
        Assert.Equal("high", alert.GetProperty("severity").GetString());
        Assert.Contains("Confirmed", alert.GetProperty("summary").GetString());
        Assert.Equal(WorkflowUrls.Status(id), alert.GetProperty("details").GetProperty("statusUrl").GetString());
        Assert.NotEqual(JsonValueKind.Null, alert.GetProperty("auditEventId").ValueKind);
        var published = _factory.Services.GetRequiredService<StorageClients>().Queue(EventDestinations.SecurityAlerts);
        var messages = (await published.PeekMessagesAsync(32)).Value.Select(m => m.Body.ToString()).Where(b => b.Contains(id, StringComparison.Ordinal));
        Assert.Contains(AlertService.EventType, Assert.Single(messages));
    }

    private async Task<string> StartAsync(WorkflowDefinition definition)
    {
        var id = definition.Type + "-" + Guid.NewGuid().ToString("N");
        await _worker.Client.StartAsync(Starter, definition.Type, id, null);
        return id;
    }
}
