using System.Text.Json.Serialization;
using PenguinMails.Admin.Tickets;

namespace PenguinMails.Functions.Tickets;

/// <summary>A ticket. <c>comments</c> is returned by GET /tickets/{id} and is null in lists.</summary>
public sealed record TicketResponse(string Id, string? Key, string Queue, string Type, TicketStatus Status, TicketPriority Priority, string Subject,
    string? Description, string? TenantId, string? InvoiceId, string? WorkflowId, string? Assignee, string CreatedBy, DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt, string? ExternalUrl, IReadOnlyList<TicketCommentResponse>? Comments)
{
    public static TicketResponse From(Ticket t, IReadOnlyList<TicketComment>? comments = null) =>
        new(t.Id, t.Key, t.Queue, t.Type, t.Status, t.Priority, t.Subject, t.Description, t.TenantId, t.InvoiceId, t.WorkflowId, t.Assignee,
            t.CreatedBy, t.CreatedAt, t.UpdatedAt, t.ExternalUrl,
            comments?.Select(c => new TicketCommentResponse(c.Id, c.Author, c.Text, c.CreatedAt)).ToList());
}

public sealed record TicketCommentResponse(string Id, string Author, string Text, DateTimeOffset CreatedAt);

/// <summary>
/// A PATCH: any of status, assignee and comment. Sending <c>"assignee": null</c> unassigns; leaving it out keeps
/// the assignee, so the setter records that the property was present.
/// </summary>
public sealed class UpdateTicketRequest
{
    private readonly string? _assignee;

    public string? Status { get; init; }

    public string? Assignee
    {
        get => _assignee;
        init
        {
            _assignee = value;
            AssigneeSent = true;
        }
    }

    public string? Comment { get; init; }

    public string? Reason { get; init; }

    [JsonIgnore]
    public bool AssigneeSent { get; private init; }
}
