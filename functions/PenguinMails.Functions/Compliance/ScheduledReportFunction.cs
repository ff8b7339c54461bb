using PenguinMails.Admin.Compliance.Reports;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Compliance;

/// <summary>
/// A report timer: generates the latest period's report unless it exists. Running it twice, or on two instances at once,
/// still yields one report. A failure fails the invocation (and marks the report failed, so POST /api/reports can redo it).
/// </summary>
public abstract class ScheduledReportFunction(ReportService reports, ReportType type) : ITriggeredFunction
{
    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var outcome = await reports.GenerateScheduledAsync(type, cancellationToken);
        var report = outcome.Report;
        invocation.Logs.Add(outcome.Generated
            ? $"Generated {report.Id} ({report.PeriodStart:yyyy-MM-dd} to {report.PeriodEnd:yyyy-MM-dd}), sha256 {report.Sha256}."
            : $"{report.Id} already exists ({report.Status.ToString().ToLowerInvariant()}); nothing to do.");
    }
}
