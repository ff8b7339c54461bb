using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Alerts;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Compliance.SignIns;

/// <summary>
/// Reads the audit log from where the last run stopped and raises alerts through <see cref="AlertService"/>. It reads the
/// hash-chained log itself (the source of truth), stops <see cref="Settle"/> short of now so in-flight appends land first,
/// and moves its watermark only after every alert is raised, so a failed run is simply repeated by the next one.
/// </summary>
public sealed class SignInMonitor(
    IAuditLog audit,
    ISignInActivity signIns,
    IStaffStore staff,
    IAlertStore alerts,
    AlertService alertService,
    IAlertRuleSource ruleSource,
    IMonitorCheckpoint checkpoint,
    TimeProvider time)
{
    public static readonly TimeSpan Settle = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan FirstRunLookback = TimeSpan.FromHours(1);

    /// <summary>After an outage the monitor catches up one day per run, keeping each run's memory bounded.</summary>
    public static readonly TimeSpan MaxCatchUp = TimeSpan.FromDays(1);

    public async Task<MonitorRun> RunAsync(CancellationToken cancellationToken = default)
    {
        var rules = await ruleSource.GetAsync(cancellationToken);
        var (watermark, etag) = await checkpoint.GetAsync(cancellationToken);
        var upTo = time.GetUtcNow() - Settle;
        var since = watermark ?? upTo - FirstRunLookback;
        if (upTo - since > MaxCatchUp)
        {
            upTo = since + MaxCatchUp;
        }
        if (upTo <= since)
        {
            return new MonitorRun(since, since, 0, []);
        }
        var events = new List<AuditEvent>();
        await foreach (var e in audit.ReadAsync(since - rules.LongestWindow, upTo, cancellationToken))
        {
            if (SignInAttempt.IsSignIn(e) || rules.IsBurstAction(e.Action))
            {
                events.Add(e);
            }
        }
        var recent = await alerts.ReadAsync(since - rules.LongestWindow, upTo, cancellationToken)
            .Where(a => a.Source == AlertTypes.Source).ToListAsync(cancellationToken);
        var drafts = new SignInAlertEvaluator(rules, recent).Evaluate(events, since).ToList();
        if (rules.NewOriginForPrivileged)
        {
            drafts.AddRange(await NewOriginAlertsAsync(events.Where(e => e.Time > since && SignInAttempt.IsSignIn(e) && e.Outcome == "success"),
                rules, cancellationToken));
        }
        var raised = new List<SecurityAlert>();
        foreach (var draft in drafts.OrderBy(d => d.OccurredAt))
        {
            raised.Add((await alertService.RaiseAsync(draft, cancellationToken)).Alert);
        }
        await checkpoint.SaveAsync(upTo, etag, cancellationToken);
        return new MonitorRun(since, upTo, events.Count(e => e.Time > since), raised);
    }

    private async Task<List<AlertDraft>> NewOriginAlertsAsync(IEnumerable<AuditEvent> successes, SignInAlertRules rules, CancellationToken cancellationToken)
    {
        var drafts = new List<AlertDraft>();
        var privileged = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var e in successes)
        {
            if (!privileged.TryGetValue(e.ActorId, out var isPrivileged))
            {
                var member = (await staff.GetAsync(e.ActorId, cancellationToken))?.Value;
                privileged[e.ActorId] = isPrivileged = member is not null && PrivilegedAccess.IsPrivileged(member.Roles);
            }
            if (!isPrivileged)
            {
                continue;
            }
            var known = await signIns.KnownOriginsAsync(e.ActorId, e.Time - rules.OriginHistory, e.Time, cancellationToken);
            var newIp = e.IpAddress is not null && !known.IpAddresses.Contains(e.IpAddress);
            var newAgent = e.UserAgent is not null && !known.UserAgents.Contains(e.UserAgent);
            // A first-ever sign-in has no history to differ from; alerting on every new account would only be noise.
            if (known.SignIns == 0 || (!newIp && !newAgent))
            {
                continue;
            }
            var what = newIp && newAgent ? "a new IP address and device" : newIp ? "a new IP address" : "a new device";
            drafts.Add(new AlertDraft(AlertTypes.Source, AlertTypes.PrivilegedNewOrigin, AlertSeverity.High,
                $"Privileged sign-in by {e.ActorEmail} from {what} ({e.IpAddress ?? "no IP"})", e.Time, e.Id, e.ActorEmail, e.ActorId,
                e.IpAddress, [e.Id], new Dictionary<string, string>
                {
                    ["newIp"] = newIp ? "true" : "false",
                    ["newUserAgent"] = newAgent ? "true" : "false",
                    ["userAgent"] = e.UserAgent ?? "",
                    ["knownIps"] = string.Join(", ", known.IpAddresses.Order(StringComparer.Ordinal)),
                }));
        }
        return drafts;
    }
}
