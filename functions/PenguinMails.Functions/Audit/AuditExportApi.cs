using System.Globalization;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Audit;

/// <summary>Streams the audit log as CSV or JSON Lines. The export itself is audited: who took a copy, of what, when.</summary>
public static class AuditExportApi
{
    public const string ExportAction = AuditActions.AuditExport;
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(31);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(366);

    public static void MapAuditExportApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/audit").WithTags("Audit");
        group.MapGet("/export", Export).WithName("ExportAuditEvents").RequirePermission(Permissions.AuditExport);
    }

    private static async Task<PushStreamHttpResult> Export(IAuditLog audit, TimeProvider time, Actor actor, string? format, DateTimeOffset? from,
        DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var kind = string.IsNullOrWhiteSpace(format) ? "jsonl" : format.Trim().ToLowerInvariant();
        var end = to ?? time.GetUtcNow();
        var start = from ?? end - DefaultWindow;
        new Validator().When(kind is not ("csv" or "jsonl"), "format", "format must be csv or jsonl.")
            .When(start > end, "from", "from must not be after to.")
            .When(end - start > MaxWindow, "from", "Export at most 366 days at a time.").ThrowIfInvalid();
        await audit.AppendAsync(new AuditEntry(actor, ExportAction, "audit-log", "export",
            After: AuditEntry.Snapshot(new { Format = kind, From = start, To = end })), cancellationToken);
        var name = $"audit-{start.UtcDateTime.ToString("yyyyMMddTHHmmss", CultureInfo.InvariantCulture)}-{end.UtcDateTime.ToString("yyyyMMddTHHmmss", CultureInfo.InvariantCulture)}.{kind}";
        var events = audit.ReadAsync(start, end, cancellationToken);
        return kind == "csv"
            ? TypedResults.Stream(stream => AuditExportWriter.WriteCsvAsync(events, stream, cancellationToken), "text/csv; charset=utf-8", name)
            : TypedResults.Stream(stream => AuditExportWriter.WriteJsonLinesAsync(events, stream, cancellationToken), "application/x-ndjson", name);
    }
}
