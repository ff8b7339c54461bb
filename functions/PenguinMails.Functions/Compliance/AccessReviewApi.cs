using PenguinMails.Admin.Common;
using PenguinMails.Admin.Compliance.Reports;
using PenguinMails.Admin.Compliance.Reviews;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Compliance;

/// <summary>
/// Quarterly access reviews (Journey 4): reviewers record keep or remove for each person in the frozen snapshot, then
/// close the review. Not in the contract's route table, which has no route for decisions; they hang off the report.
/// </summary>
public static class AccessReviewApi
{
    public static void MapAccessReviewApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports/{id}").WithTags("Reports");
        group.MapGet("/decisions", ListDecisions).WithName("ListAccessReviewDecisions").RequirePermission(Permissions.ReportsRead);
        group.MapPut("/decisions/{staffId}", Decide).WithName("DecideAccessReview").RequirePermission(Permissions.ReportsManage);
        group.MapPost("/close", Close).WithName("CloseAccessReview").RequirePermission(Permissions.ReportsManage);
    }

    private static async Task<Ok<IReadOnlyList<ReviewDecisionResponse>>> ListDecisions(string id, AccessReviewService reviews, CancellationToken cancellationToken)
    {
        var made = await reviews.ListDecisionsAsync(id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ReviewDecisionResponse>>(made.OrderBy(d => d.StaffEmail, StringComparer.Ordinal)
            .Select(ReviewDecisionResponse.From).ToList());
    }

    private static async Task<Ok<ReviewDecisionResponse>> Decide(string id, string staffId, ReviewDecisionRequest request, AccessReviewService reviews,
        Actor actor, CancellationToken cancellationToken) =>
        TypedResults.Ok(ReviewDecisionResponse.From(
            await reviews.DecideAsync(actor, id, staffId, request.Decision, request.Removal, request.Reason, cancellationToken)));

    private static async Task<Ok<ReportResponse>> Close(string id, CloseReviewRequest request, AccessReviewService reviews, AccessReviewLedger ledger,
        Actor actor, CancellationToken cancellationToken)
    {
        var closed = await reviews.CloseAsync(actor, id, request.Reason, cancellationToken);
        return TypedResults.Ok(ReportResponse.From(closed, await ledger.ProgressAsync(closed, cancellationToken)));
    }
}
