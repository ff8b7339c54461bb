using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Compliance.Reviews;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Compliance;

/// <summary>Access-review decisions, partitioned by review so one review's decisions are one partition read.</summary>
public sealed class TableReviewDecisionStore(StorageClients storage) : IReviewDecisionStore
{
    public const string TableName = "AccessReviewDecisions";
    private TableClient Table => storage.Table(TableName);

    public async Task<Versioned<ReviewDecision>?> GetAsync(string reportId, string staffId, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(reportId, staffId, cancellationToken: cancellationToken);
        return row.HasValue ? new Versioned<ReviewDecision>(ToDecision(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<Versioned<ReviewDecision>> SaveAsync(ReviewDecision decision, string? etag, CancellationToken cancellationToken = default)
    {
        var entity = ToEntity(decision);
        var response = etag is null
            ? await TableErrors.GuardAsync(() => Table.AddEntityAsync(entity, cancellationToken), "Another reviewer recorded a decision for this person; reload and retry.")
            : await TableErrors.GuardAsync(() => Table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken));
        return new Versioned<ReviewDecision>(decision, response.Headers.ETag.ToString()!);
    }

    public async Task<IReadOnlyList<ReviewDecision>> ListAsync(string reportId, CancellationToken cancellationToken = default)
    {
        var decisions = new List<ReviewDecision>();
        await foreach (var row in Table.QueryAsync<TableEntity>(e => e.PartitionKey == reportId, cancellationToken: cancellationToken))
        {
            decisions.Add(ToDecision(row));
        }
        return decisions;
    }

    private static TableEntity ToEntity(ReviewDecision d) => new(d.ReportId, d.StaffId)
    {
        ["StaffEmail"] = d.StaffEmail,
        ["Outcome"] = d.Outcome.ToString(),
        ["Removal"] = d.Removal?.ToString(),
        ["Reason"] = d.Reason,
        ["ReviewerId"] = d.ReviewerId,
        ["ReviewerEmail"] = d.ReviewerEmail,
        ["DecidedAt"] = d.DecidedAt,
        ["DecisionEventId"] = d.DecisionEventId,
        ["RemovalEventId"] = d.RemovalEventId,
        ["WorkflowId"] = d.WorkflowId,
        ["Note"] = d.Note,
    };

    private static ReviewDecision ToDecision(TableEntity e) => new(
        e.PartitionKey, e.RowKey, e.GetString("StaffEmail"), Enum.Parse<ReviewOutcome>(e.GetString("Outcome")),
        e.GetString("Removal") is { } removal ? Enum.Parse<RemovalMethod>(removal) : null, e.GetString("Reason"), e.GetString("ReviewerId"),
        e.GetString("ReviewerEmail"), e.GetDateTimeOffset("DecidedAt")!.Value, e.GetString("DecisionEventId"), e.GetString("RemovalEventId"),
        e.GetString("WorkflowId"), e.GetString("Note"));
}
