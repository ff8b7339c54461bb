using PenguinMails.Admin.Alerts;

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>The alerts raised in a period, oldest first, with counts for the summary.</summary>
internal sealed class AlertTable(string key, string title)
{
    private readonly List<SecurityAlert> _alerts = [];

    public int Count => _alerts.Count;
    public int Serious => _alerts.Count(a => a.Severity >= AlertSeverity.High);

    public async Task LoadAsync(IAlertStore store, ReportPeriod period, CancellationToken cancellationToken)
    {
        await foreach (var alert in store.ReadAsync(period.From, period.Last, cancellationToken))
        {
            _alerts.Add(alert);
        }
    }

    public ReportSection Build(string description)
    {
        var table = new ReportTable(key, title, "Time", "Severity", "Type", "Summary", "Subject", "Source") { Description = description };
        foreach (var a in _alerts.OrderBy(a => a.CreatedAt).ThenBy(a => a.Id, StringComparer.Ordinal))
        {
            table.Add(ReportFormat.Time(a.CreatedAt), a.Severity.ToString().ToLowerInvariant(), a.Type, a.Summary, a.Subject ?? ReportFormat.None, a.Source);
        }
        return table.Build();
    }
}
