using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Tickets;

/// <summary>
/// Opens, reads and works tickets. Tickets always live in our store; when an external system (Jira) is configured,
/// each ticket is mirrored there and comments and status changes follow it. Creation is idempotent per key.
/// </summary>
public sealed class TicketService(ITicketStore store, IAuditLog audit, TimeProvider time, IExternalTicketSystem? external = null)
{
    public const int MaxCommentLength = 4000;
    public const int MaxDescriptionLength = 20_000;

    /// <summary>Opens a ticket, or returns the one already opened with the same idempotency key.</summary>
    public async Task<Versioned<Ticket>> CreateAsync(Actor actor, NewTicket request, CancellationToken cancellationToken = default)
    {
        new Validator()
            .When(!TicketQueues.Exists(request.Queue), "queue", $"Use one of: {string.Join(", ", TicketQueues.All)}.")
            .Require("type", request.Type, 100).Require("subject", request.Subject, 300).Require("idempotencyKey", request.IdempotencyKey, 400)
            .Optional("description", request.Description, MaxDescriptionLength).ThrowIfInvalid();
        var now = time.GetUtcNow();
        var draft = new Ticket(TicketIds.New(now), null, request.Queue, request.Type, TicketStatus.Open, request.Priority, request.Subject.Trim(),
            request.Description, request.TenantId, request.InvoiceId, request.WorkflowId, null, actor.Id, now, now, null, request.IdempotencyKey);
        var (stored, created) = await store.CreateAsync(draft, cancellationToken);
        var ticket = stored.Value;
        // A repeated call finds the ticket; it audits only if the first call died before its audit event.
        if (created || !await audit.ContainsAsync(AuditActions.TicketCreate, ticket.Id, null, ticket.CreatedAt.AddSeconds(-1), cancellationToken))
        {
            await audit.AppendAsync(new AuditEntry(actor, AuditActions.TicketCreate, "ticket", ticket.Id, After: AuditEntry.Snapshot(View(ticket))),
                cancellationToken);
        }
        return external is not null && ticket.Key is null ? await LinkExternalAsync(stored, external, cancellationToken) : stored;
    }

    public async Task<Versioned<Ticket>> GetAsync(string id, CancellationToken cancellationToken = default) =>
        await store.GetAsync(id, cancellationToken) ?? throw AdminException.NotFound("Ticket", id);

    /// <summary>The ticket, or null when there is none with that id.</summary>
    public Task<Versioned<Ticket>?> FindAsync(string id, CancellationToken cancellationToken = default) => store.GetAsync(id, cancellationToken);

    public Task<Versioned<Ticket>?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken = default) =>
        store.FindByIdempotencyKeyAsync(idempotencyKey, cancellationToken);

    public Task<IReadOnlyList<TicketComment>> ListCommentsAsync(string id, CancellationToken cancellationToken = default) =>
        store.ListCommentsAsync(id, cancellationToken);

    public Task<Page<Ticket>> ListAsync(TicketFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        store.ListAsync(filter, page, cancellationToken);

    /// <summary>Changes status and assignee and adds a comment, in one write; the external copy is updated first.</summary>
    public async Task<Versioned<Ticket>> UpdateAsync(Actor actor, string id, TicketChange change, string? ifMatch, string? reason,
        CancellationToken cancellationToken = default)
    {
        var why = Reason.Optional(reason);
        var comment = string.IsNullOrWhiteSpace(change.Comment) ? null : change.Comment.Trim();
        var assignee = string.IsNullOrWhiteSpace(change.Assignee) ? null : change.Assignee.Trim();
        new Validator()
            .When(change.Status is null && !change.SetAssignee && comment is null && change.Priority is null, "status",
                "Change the status or the assignee, or add a comment.")
            .Optional("comment", comment, MaxCommentLength).Optional("assignee", assignee, 254).ThrowIfInvalid();
        var current = await GetAsync(id, cancellationToken);
        if (ifMatch is not null && WithoutWeakPrefix(ifMatch) != WithoutWeakPrefix(current.ETag))
        {
            throw AdminException.PreconditionFailed();
        }
        var before = current.Value;
        var now = time.GetUtcNow();
        var after = before with
        {
            Status = change.Status ?? before.Status, Assignee = change.SetAssignee ? assignee : before.Assignee, Priority = change.Priority ?? before.Priority,
            UpdatedAt = now,
        };
        if (external is not null && before.Key is { } key)
        {
            if (after.Status != before.Status)
            {
                await external.TransitionAsync(key, after.Status, cancellationToken);
            }
            if (comment is not null)
            {
                await external.AddCommentAsync(key, actor.Email, comment, cancellationToken);
            }
        }
        var newComment = comment is null ? null : new TicketComment(TicketIds.New(now), actor.Email, comment, now);
        var updated = await store.UpdateAsync(after, current.ETag, newComment, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.TicketUpdate, "ticket", id, AuditEntry.Snapshot(new { before.Status, before.Assignee, before.Priority }),
            AuditEntry.Snapshot(new { after.Status, after.Assignee, after.Priority, Commented = newComment is not null }), why), cancellationToken);
        return updated;
    }

    private async Task<Versioned<Ticket>> LinkExternalAsync(Versioned<Ticket> stored, IExternalTicketSystem system, CancellationToken cancellationToken)
    {
        var reference = await system.CreateAsync(stored.Value, cancellationToken);
        var reread = false;
        return await OptimisticConcurrency.RetryAsync(async ct =>
        {
            if (reread)
            {
                stored = await GetAsync(stored.Value.Id, ct);
                if (stored.Value.Key is not null)
                {
                    return stored;
                }
            }
            reread = true;
            return await store.UpdateAsync(stored.Value with { Key = reference.Key, ExternalUrl = reference.Url }, stored.ETag, null, ct);
        }, OptimisticConcurrency.IsStaleWrite, "The ticket kept changing while its external link was saved; retry.", cancellationToken);
    }

    /// <summary>Table ETags are sent as weak ("W/..."); clients may echo them with or without the prefix.</summary>
    private static string WithoutWeakPrefix(string etag) => etag.StartsWith("W/", StringComparison.Ordinal) ? etag[2..] : etag;

    private static object View(Ticket t) => new { t.Queue, t.Type, t.Subject, Status = t.Status.ToString(), t.TenantId, t.InvoiceId, t.WorkflowId };
}
