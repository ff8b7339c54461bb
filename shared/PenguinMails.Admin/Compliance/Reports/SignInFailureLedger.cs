using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Compliance.SignIns;

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>Folds failed sign-ins into per-identity and per-IP tallies, keeping one small entry per key.</summary>
internal sealed class SignInFailureLedger
{
    public const string NoIdentity = "(no identity: the token named nobody)";
    private readonly Dictionary<string, Tally> _byIdentity = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Tally> _byIp = new(StringComparer.Ordinal);

    public int Failures { get; private set; }
    public int Successes { get; private set; }
    public int Identities => _byIdentity.Keys.Count(k => k != NoIdentity);
    public int Ips => _byIp.Count;

    public void Observe(AuditEvent e)
    {
        if (!SignInAttempt.IsSignIn(e))
        {
            return;
        }
        var attempt = SignInAttempt.From(e);
        if (attempt.Succeeded)
        {
            Successes++;
            return;
        }
        Failures++;
        var identity = attempt.Email ?? NoIdentity;
        var ip = attempt.IpAddress ?? "(unknown)";
        TallyOf(_byIdentity, identity).Add(e.Time, ip, attempt.FailureReason);
        TallyOf(_byIp, ip).Add(e.Time, identity, attempt.FailureReason);
    }

    public ReportSection ByIdentity() => Build(new ReportTable("failed-sign-ins-by-identity", "Failed sign-ins by identity",
        "Identity", "Failures", "Distinct IPs", "First", "Last", "Reasons"), _byIdentity);

    public ReportSection ByIp() => Build(new ReportTable("failed-sign-ins-by-ip", "Failed sign-ins by IP address",
        "IP address", "Failures", "Distinct identities", "First", "Last", "Reasons"), _byIp);

    private static ReportSection Build(ReportTable table, Dictionary<string, Tally> tallies)
    {
        foreach (var (key, t) in tallies.OrderByDescending(p => p.Value.Count).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            table.Add(key, ReportFormat.Number(t.Count), ReportFormat.Number(t.Others.Count), ReportFormat.Time(t.First), ReportFormat.Time(t.Last),
                ReportFormat.List(t.Reasons.Order(StringComparer.Ordinal)));
        }
        return table.Build();
    }

    private static Tally TallyOf(Dictionary<string, Tally> tallies, string key)
    {
        if (!tallies.TryGetValue(key, out var tally))
        {
            tallies[key] = tally = new Tally();
        }
        return tally;
    }

    private sealed class Tally
    {
        public int Count { get; private set; }
        public DateTimeOffset First { get; private set; } = DateTimeOffset.MaxValue;
        public DateTimeOffset Last { get; private set; } = DateTimeOffset.MinValue;
        public HashSet<string> Others { get; } = new(StringComparer.Ordinal);
        public HashSet<string> Reasons { get; } = new(StringComparer.Ordinal);

        public void Add(DateTimeOffset time, string other, string? reason)
        {
            Count++;
            First = time < First ? time : First;
            Last = time > Last ? time : Last;
            Others.Add(other);
            if (reason is not null && Reasons.Count < 10)
            {
                Reasons.Add(reason);
            }
        }
    }
}
