using System.Text;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Tickets;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Staff.Offboarding;

/// <summary>
/// The last step: gathers the person's audit trail for the 30 days before the workflow started into an
/// <see cref="AccessReview"/>, opens a ticket on the security queue for it (high priority after an emergency
/// revocation), and records the review in the audit log. The window is fixed by the workflow's start, so a re-run
/// produces the same review and, through the step's idempotency key, the same ticket.
/// </summary>
public sealed class AuditReview(IAuditLog audit, IStaffStore staff, TicketService tickets) : IWorkflowActivity
{
    public static readonly TimeSpan Window = TimeSpan.FromDays(30);
    public const int MaxEvents = 10_000;
    public const int MaxListed = 25;
    public const string TicketType = "Access Review";

    public async Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        var input = context.GetInput<OffboardingInput>();
        var email = (await staff.GetAsync(input.StaffId, cancellationToken))?.Value.Email ?? input.StaffId;
        var to = context.CreatedTime;
        var from = to - Window;
        var events = await ReadTrailAsync(input.StaffId, from, to, cancellationToken);
        var reveals = events.Where(e => e.Action.Contains("reveal", StringComparison.OrdinalIgnoreCase)).ToList();
        var counts = events.GroupBy(e => e.Action).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count());
        var draft = new AccessReview(input.StaffId, email, from, to, events.Count, events.Count >= MaxEvents, counts, reveals.Count,
            reveals.Take(MaxListed).Select(ToReviewed).ToList(), events.Take(MaxListed).Select(ToReviewed).ToList(), "", null);

        var what = input.Emergency ? "emergency revocation" : "offboarding";
        var ticket = await tickets.CreateAsync(context.Actor, new NewTicket(TicketQueues.Security, TicketType, $"Access review after {what}: {email}",
            Describe(draft, input, reveals), context.IdempotencyKey, input.Emergency ? TicketPriority.High : TicketPriority.Normal,
            WorkflowId: context.InstanceId), cancellationToken);
        var review = draft with { TicketId = ticket.Value.Id, TicketKey = ticket.Value.Key };

        await audit.AppendOnceAsync(new AuditEntry(context.Actor, AuditActions.StaffAccessReview, "staff", input.StaffId,
            After: AuditEntry.Snapshot(new { review.EventCount, review.RevealCount, review.TicketId }), Reason: input.Reason),
            context.CreatedTime, cancellationToken);
        return review;
    }

    private async Task<List<AuditEvent>> ReadTrailAsync(string staffId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var events = new List<AuditEvent>();
        var query = new AuditQuery(staffId, null, null, from, to);
        string? cursor = null;
        do
        {
            var page = await audit.QueryAsync(query, new PageRequest(PageRequest.MaxPageSize, cursor), cancellationToken);
            events.AddRange(page.Items);
            cursor = page.NextCursor;
        }
        while (cursor is not null && events.Count < MaxEvents);
        return events.Take(MaxEvents).ToList(); // newest first
    }

    private static ReviewedEvent ToReviewed(AuditEvent e) => new(e.Id, e.Time, e.Action, e.TargetType, e.TargetId, e.Reason);

    private static string Describe(AccessReview review, OffboardingInput input, List<AuditEvent> reveals)
    {
        var text = new StringBuilder()
            .AppendLine($"Review the access of {review.Email} (staff {review.StaffId}).")
            .AppendLine($"Reason given: {input.Reason}")
            .AppendLine($"Audit trail from {review.From:u} to {review.To:u}: {review.EventCount} events{(review.Truncated ? " (first 10,000 only)" : "")}.")
            .AppendLine("Actions:");
        foreach (var (action, count) in review.ActionCounts)
        {
            text.AppendLine($"- {action}: {count}");
        }
        text.AppendLine($"Revealed ({reveals.Count}):");
        foreach (var e in reveals.Take(200))
        {
            text.AppendLine($"- {e.Time:u} {e.Action} {e.TargetType} {e.TargetId}{(e.Reason is null ? "" : " because: " + e.Reason)}");
        }
        text.AppendLine("Latest changes:");
        foreach (var e in review.RecentChanges)
        {
            text.AppendLine($"- {e.Time:u} {e.Action} {e.TargetType} {e.TargetId}");
        }
        var description = text.ToString();
        return description.Length > TicketService.MaxDescriptionLength ? description[..TicketService.MaxDescriptionLength] : description;
    }
}
