using System.Globalization;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Alerts;

namespace PenguinMails.Admin.Compliance.SignIns;

/// <summary>
/// The counting rules, as a pure function of the events: repeated sign-in failures per identity and per IP, and bursts
/// of sensitive actions per actor. Each rule counts events in the sliding window (t - window, t]. Once a rule fires
/// for a subject it stays quiet for one window, counting from the alerts already raised, so re-reading the same
/// events raises nothing new.
/// </summary>
public sealed class SignInAlertEvaluator
{
    private readonly SignInAlertRules _rules;
    private readonly Dictionary<(string Type, string Subject), DateTimeOffset> _lastRaised = [];
    private readonly Dictionary<(string Type, string Subject), Queue<AuditEvent>> _windows = [];

    public SignInAlertEvaluator(SignInAlertRules rules, IEnumerable<SecurityAlert> recentAlerts)
    {
        _rules = rules;
        foreach (var alert in recentAlerts.Where(a => a.Subject is not null))
        {
            var key = (alert.Type, alert.Subject!);
            if (!_lastRaised.TryGetValue(key, out var last) || alert.CreatedAt > last)
            {
                _lastRaised[key] = alert.CreatedAt;
            }
        }
    }

    /// <summary>Alerts for the events after <paramref name="since"/>; earlier events only fill the windows.</summary>
    public IEnumerable<AlertDraft> Evaluate(IEnumerable<AuditEvent> oldestFirst, DateTimeOffset since)
    {
        foreach (var e in oldestFirst)
        {
            var isNew = e.Time > since;
            if (SignInAttempt.IsSignIn(e) && e.Outcome != "success")
            {
                var attempt = SignInAttempt.From(e);
                if (attempt.Email is { } email && Track(AlertTypes.FailuresPerIdentity, email, e, _rules.FailuresPerIdentity, _rules.FailureWindow, isNew) is { } byIdentity)
                {
                    yield return Draft(AlertTypes.FailuresPerIdentity, AlertSeverity.Medium, email, e, byIdentity, _rules.FailureWindow,
                        $"{byIdentity.Count} failed sign-ins for {email} within {Minutes(_rules.FailureWindow)}", attempt.StaffId);
                }
                if (attempt.IpAddress is { } ip && Track(AlertTypes.FailuresPerIp, ip, e, _rules.FailuresPerIp, _rules.FailureWindow, isNew) is { } byIp)
                {
                    yield return Draft(AlertTypes.FailuresPerIp, AlertSeverity.High, ip, e, byIp, _rules.FailureWindow,
                        $"{byIp.Count} failed sign-ins from {ip} within {Minutes(_rules.FailureWindow)}", null);
                }
            }
            else if (_rules.IsBurstAction(e.Action)
                && Track(AlertTypes.SensitiveActionBurst, e.ActorId, e, _rules.BurstCount, _rules.BurstWindow, isNew) is { } burst)
            {
                var actions = string.Join(", ", burst.Select(b => b.Action).Distinct().Order(StringComparer.Ordinal));
                yield return Draft(AlertTypes.SensitiveActionBurst, AlertSeverity.High, e.ActorEmail, e, burst, _rules.BurstWindow,
                    $"{burst.Count} sensitive actions ({actions}) by {e.ActorEmail} within {Minutes(_rules.BurstWindow)}", e.ActorId);
            }
        }
    }

    private IReadOnlyList<AuditEvent>? Track(string type, string subject, AuditEvent e, int threshold, TimeSpan window, bool isNew)
    {
        if (threshold <= 0)
        {
            return null;
        }
        var key = (type, subject);
        if (!_windows.TryGetValue(key, out var queue))
        {
            _windows[key] = queue = new Queue<AuditEvent>();
        }
        queue.Enqueue(e);
        while (queue.Peek().Time <= e.Time - window)
        {
            queue.Dequeue();
        }
        if (!isNew || queue.Count < threshold || (_lastRaised.TryGetValue(key, out var last) && last > e.Time - window))
        {
            return null;
        }
        _lastRaised[key] = e.Time;
        return queue.ToList();
    }

    private static AlertDraft Draft(string type, AlertSeverity severity, string subject, AuditEvent trigger, IReadOnlyList<AuditEvent> window,
        TimeSpan span, string summary, string? actorId)
    {
        var details = new Dictionary<string, string>
        {
            ["count"] = window.Count.ToString(CultureInfo.InvariantCulture),
            ["windowMinutes"] = span.TotalMinutes.ToString(CultureInfo.InvariantCulture),
            ["firstAt"] = window[0].Time.ToString("O", CultureInfo.InvariantCulture),
            ["distinctIps"] = string.Join(", ", window.Select(w => w.IpAddress).OfType<string>().Distinct().Order(StringComparer.Ordinal)),
        };
        return new AlertDraft(AlertTypes.Source, type, severity, summary, trigger.Time, trigger.Id, subject, actorId, trigger.IpAddress,
            window.Select(w => w.Id).ToList(), details);
    }

    private static string Minutes(TimeSpan window) => $"{window.TotalMinutes.ToString(CultureInfo.InvariantCulture)} minutes";
}
