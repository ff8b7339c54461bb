using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>
/// Generates reports once per type and period, on a schedule or on request. The report's id is derived from its type
/// and period, and its index row is claimed with an insert-if-absent before any work, so concurrent or repeated runs
/// produce one report; the document is written once and never replaced.
/// </summary>
public sealed class ReportService(IReportStore store, IEnumerable<IReportBuilder> builders, IAuditLog audit, TimeProvider time)
{
    public const string GenerateAction = AuditActions.ReportsGenerate;
    public const string ScheduleComponent = "compliance-reports";
    public static readonly TimeSpan GenerationLease = TimeSpan.FromMinutes(15);

    /// <summary>POST /api/reports: validates the request, then generates the report unless it exists.</summary>
    public Task<ReportOutcome> RequestAsync(Actor actor, string? type, DateOnly? periodStart, string? reason, CancellationToken cancellationToken = default)
    {
        var validator = new Validator().Require("type", type, 100).When(periodStart is null, "periodStart", "periodStart is required (yyyy-MM-dd).");
        validator.ThrowIfInvalid();
        var period = ReportPeriod.Of(ReportTypes.Parse("type", type), periodStart!.Value);
        period.EnsureCanGenerate(time.GetUtcNow());
        return GenerateAsync(period, actor, actor.Email, Reason.Optional(reason), cancellationToken);
    }

    /// <summary>The timers: the latest period of <paramref name="type"/> as of now.</summary>
    public Task<ReportOutcome> GenerateScheduledAsync(ReportType type, CancellationToken cancellationToken = default) =>
        GenerateAsync(ReportPeriod.Latest(type, time.GetUtcNow()), Actor.System(ScheduleComponent), null, null, cancellationToken);

    public async Task<ReportRecord> GetAsync(string id, CancellationToken cancellationToken = default) =>
        (await store.GetAsync(id, cancellationToken))?.Value ?? throw AdminException.NotFound("Report", id);

    public Task<Page<ReportRecord>> ListAsync(ReportType? type, PageRequest page, CancellationToken cancellationToken = default) =>
        store.ListAsync(type, page, cancellationToken);

    /// <summary>The stored document of a completed report (404 if unknown, 409 while it is not completed).</summary>
    public async Task<ComplianceReport> ReadDocumentAsync(string id, CancellationToken cancellationToken = default)
    {
        var record = await GetAsync(id, cancellationToken);
        if (record.Status != ReportStatus.Completed)
        {
            throw AdminException.Conflict($"Report '{id}' is {record.Status.ToString().ToLowerInvariant()}; its content exists once it is completed.",
                "report_not_ready");
        }
        return await store.ReadDocumentAsync(id, cancellationToken)
            ?? throw new InvalidOperationException($"Report '{id}' is completed but its document is missing.");
    }

    private async Task<ReportOutcome> GenerateAsync(ReportPeriod period, Actor actor, string? createdBy, string? reason, CancellationToken cancellationToken)
    {
        var builder = builders.Single(b => b.Type == period.Type);
        var now = time.GetUtcNow();
        var pending = new ReportRecord(period.Id, period.Type, period.Start, period.End, ReportStatus.Pending, now, createdBy, null, null, []);
        var claim = await store.ClaimAsync(pending, GenerationLease, cancellationToken);
        if (!claim.Claimed)
        {
            return new ReportOutcome(claim.Record, false);
        }
        ReportRecord completed;
        try
        {
            var document = await builder.BuildAsync(new ReportContext(period, now, createdBy ?? "schedule"), cancellationToken);
            completed = await store.CompleteAsync(claim, document, time.GetUtcNow(), cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            await store.FailAsync(claim, CancellationToken.None);
            throw;
        }
        await audit.AppendAsync(new AuditEntry(actor, GenerateAction, "report", period.Id,
            After: AuditEntry.Snapshot(new { Type = period.Type.Name(), period.Start, period.End, completed.Sha256 }), Reason: reason), cancellationToken);
        return new ReportOutcome(completed, true);
    }
}
