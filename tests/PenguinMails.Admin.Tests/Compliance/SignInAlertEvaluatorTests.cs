using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Alerts;
using PenguinMails.Admin.Compliance.SignIns;

namespace PenguinMails.Admin.Tests.Compliance;

public sealed class SignInAlertEvaluatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 10, 0, 0, TimeSpan.Zero);
    private static readonly SignInAlertRules Rules = new() { FailuresPerIdentity = 3, FailuresPerIp = 4, BurstCount = 3 };
    private static readonly SignInAlertRules IdentityOnly = Rules with { FailuresPerIp = 0 };

    private static AuditEvent Failure(int minute, string email = "a@p.test", string ip = "198.51.100.1") =>
        Event(minute, "auth.sign-in", "anonymous", email, ip, "failure");

    private static AuditEvent Event(int minute, string action, string actorId, string email, string? ip, string outcome = "success") =>
        new(Guid.NewGuid().ToString("N"), "p", 1, T0.AddMinutes(minute), actorId, email, action, "staff", email, null, null, "unknown staff member",
            outcome, ip, "ua", null, "", "");

    [Fact]
    public void TheThirdFailureInTheWindow_RaisesOnce_AndTheWindowThenStaysQuiet()
    {
        var events = new[] { Failure(0), Failure(1), Failure(2), Failure(3), Failure(4) };
        var alerts = new SignInAlertEvaluator(IdentityOnly, []).Evaluate(events, T0.AddMinutes(-1)).ToList();
        var alert = Assert.Single(alerts);
        Assert.Equal(AlertTypes.FailuresPerIdentity, alert.Type);
        Assert.Equal(events[2].Id, alert.DeduplicationKey);
        Assert.Equal(T0.AddMinutes(2), alert.OccurredAt);
    }

    [Fact]
    public void FailuresSpreadWiderThanTheWindow_RaiseNothing()
    {
        var events = new[] { Failure(0), Failure(10), Failure(20), Failure(30) };
        Assert.Empty(new SignInAlertEvaluator(IdentityOnly, []).Evaluate(events, T0.AddMinutes(-1)));
    }

    [Fact]
    public void ManyIdentitiesFromOneIp_RaiseTheIpRule()
    {
        var events = Enumerable.Range(0, 4).Select(i => Failure(i, email: $"u{i}@p.test")).ToList();
        var alert = Assert.Single(new SignInAlertEvaluator(Rules, []).Evaluate(events, T0.AddMinutes(-1)));
        Assert.Equal(AlertTypes.FailuresPerIp, alert.Type);
        Assert.Equal("198.51.100.1", alert.Subject);
        Assert.Equal(4, alert.EventIds!.Count);
    }

    [Fact]
    public void EventsBeforeTheWatermark_CountButDoNotRaise_AndARaisedAlertIsNotRaisedAgain()
    {
        var events = new[] { Failure(0), Failure(1), Failure(2), Failure(3) };
        var first = new SignInAlertEvaluator(IdentityOnly, []).Evaluate(events, T0.AddMinutes(-1)).ToList();
        var stored = first.Select(d => d.ToAlert(T0.AddMinutes(5))).ToList();
        Assert.Empty(new SignInAlertEvaluator(IdentityOnly, stored).Evaluate(events, T0.AddMinutes(2)));
        var fresh = Assert.Single(new SignInAlertEvaluator(IdentityOnly, []).Evaluate(events, T0.AddMinutes(2)));
        Assert.Equal(events[3].Id, fresh.DeduplicationKey);
    }

    [Fact]
    public void BurstRule_MatchesExactNamesAndPrefixes_ButNotLookalikes()
    {
        var rules = Rules with { BurstActions = ["secrets.reveal", "users.bulk"] };
        Assert.True(rules.IsBurstAction("secrets.reveal"));
        Assert.True(rules.IsBurstAction("users.bulk-edit"));
        Assert.True(rules.IsBurstAction("users.bulk.update"));
        Assert.False(rules.IsBurstAction("users.bulkhead"));
        Assert.False(rules.IsBurstAction("secrets.revealed"));
        var reveals = Enumerable.Range(0, 3).Select(i => Event(i, "secrets.reveal", "s1", "s1@p.test", null)).ToList();
        var alert = Assert.Single(new SignInAlertEvaluator(rules, []).Evaluate(reveals, T0.AddMinutes(-1)));
        Assert.Equal(AlertTypes.SensitiveActionBurst, alert.Type);
        Assert.Equal("s1", alert.ActorId);
    }

    [Fact]
    public void AlertIds_DependOnlyOnSourceTypeAndTrigger()
    {
        var a = new AlertDraft("s", "t", AlertSeverity.Low, "one", T0, "key");
        var b = a with { Summary = "two", OccurredAt = T0.AddHours(1) };
        Assert.Equal(a.AlertId, b.AlertId);
        Assert.NotEqual(a.AlertId, (a with { Type = "u" }).AlertId);
    }
}
