using PenguinMails.Admin.Common;
using PenguinMails.Admin.Compliance.Reports;
using PenguinMails.Admin.Compliance.Reviews;
using PenguinMails.Admin.Infrastructure.Compliance;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Compliance;

/// <summary>Compliance reports (Journeys 1 and 4): list, generate on demand, read, and render as JSON, CSV or HTML.</summary>
public static class ReportsApi
{
    /// <summary>The HTML report runs nothing and loads nothing: only its own inline stylesheet is allowed, by its hash.</summary>
    public static string HtmlContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src {ReportHtmlStyles.CspHashSource}; base-uri 'none'; form-action 'none'";

    public static void MapReportsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Reports");
        group.MapGet("/", ListReports).WithName("ListReports").RequirePermission(Permissions.ReportsRead);
        group.MapPost("/", CreateReport).WithName("CreateReport").RequirePermission(Permissions.ReportsManage);
        group.MapGet("/{id}", GetReport).WithName("GetReport").RequirePermission(Permissions.ReportsRead);
        group.MapGet("/{id}/content", GetReportContent).WithName("GetReportContent").RequirePermission(Permissions.ReportsRead);
    }

    private static async Task<Ok<Page<ReportResponse>>> ListReports(ReportService reports, string? type, int? pageSize, string? cursor,
        CancellationToken cancellationToken)
    {
        ReportType? filter = string.IsNullOrWhiteSpace(type) ? null : ReportTypes.Parse("type", type.Trim());
        var page = await reports.ListAsync(filter, PageRequest.From(pageSize, cursor), cancellationToken);
        return TypedResults.Ok(page.Map(r => ReportResponse.From(r)));
    }

    private static async Task<Results<Created<ReportResponse>, Ok<ReportResponse>>> CreateReport(CreateReportRequest request, ReportService reports,
        AccessReviewLedger reviews, Actor actor, CancellationToken cancellationToken)
    {
        var outcome = await reports.RequestAsync(actor, request.Type, request.PeriodStart, request.Reason, cancellationToken);
        var response = await ResponseAsync(outcome.Report, reviews, cancellationToken);
        return outcome.Generated ? TypedResults.Created($"/api/reports/{outcome.Report.Id}", response) : TypedResults.Ok(response);
    }

    private static async Task<Ok<ReportResponse>> GetReport(string id, ReportService reports, AccessReviewLedger reviews, CancellationToken cancellationToken) =>
        TypedResults.Ok(await ResponseAsync(await reports.GetAsync(id, cancellationToken), reviews, cancellationToken));

    private static async Task<Results<FileContentHttpResult, PushStreamHttpResult, ContentHttpResult>> GetReportContent(string id, string? format,
        ReportService reports, AccessReviewLedger reviews, HttpResponse response, CancellationToken cancellationToken)
    {
        var kind = string.IsNullOrWhiteSpace(format) ? "json" : format.Trim().ToLowerInvariant();
        new Validator().When(kind is not ("json" or "csv" or "html"), "format", "format must be json, csv or html.").ThrowIfInvalid();
        var record = await reports.GetAsync(id, cancellationToken);
        var document = await reports.ReadDocumentAsync(id, cancellationToken);
        if (record.Type == ReportType.QuarterlyAccessReview)
        {
            document = await reviews.ComposeAsync(document, record, cancellationToken);
        }
        switch (kind)
        {
            case "csv":
                return TypedResults.Stream(stream => ReportCsvRenderer.WriteAsync(document, stream, cancellationToken), "text/csv; charset=utf-8", id + ".csv");
            case "html":
                response.Headers.ContentSecurityPolicy = HtmlContentSecurityPolicy;
                return TypedResults.Content(ReportHtmlRenderer.Render(document, record.Sha256), "text/html; charset=utf-8");
            default:
                return TypedResults.File(ReportJson.Serialize(document), "application/json");
        }
    }

    private static async Task<ReportResponse> ResponseAsync(ReportRecord record, AccessReviewLedger reviews, CancellationToken cancellationToken) =>
        record is { Type: ReportType.QuarterlyAccessReview, Status: ReportStatus.Completed }
            ? ReportResponse.From(record, await reviews.ProgressAsync(record, cancellationToken))
            : ReportResponse.From(record);
}
