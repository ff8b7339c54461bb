using Azure.Data.Tables;
using PenguinMails.Admin.Tickets;

namespace PenguinMails.Admin.Infrastructure.Tickets;

/// <summary>Maps tickets to their "ticket" row and comments to "comment-..." rows in the ticket's partition.</summary>
internal static class TicketEntityMapper
{
    public const string TicketRowKey = "ticket";
    public const string CommentPrefix = "comment-";

    public static TableEntity ToEntity(Ticket t) => new(t.Id, TicketRowKey)
    {
        ["Key"] = t.Key,
        ["Queue"] = t.Queue,
        ["Type"] = t.Type,
        ["Status"] = t.Status.ToString(),
        ["Priority"] = t.Priority.ToString(),
        ["Subject"] = t.Subject,
        ["Description"] = t.Description,
        ["TenantId"] = t.TenantId,
        ["InvoiceId"] = t.InvoiceId,
        ["WorkflowId"] = t.WorkflowId,
        ["Assignee"] = t.Assignee,
        ["CreatedBy"] = t.CreatedBy,
        ["CreatedAt"] = t.CreatedAt,
        ["UpdatedAt"] = t.UpdatedAt,
        ["ExternalUrl"] = t.ExternalUrl,
        ["IdempotencyKey"] = t.IdempotencyKey,
    };

    public static Ticket ToTicket(TableEntity e) => new(
        e.PartitionKey, e.GetString("Key"), e.GetString("Queue"), e.GetString("Type"), Enum.Parse<TicketStatus>(e.GetString("Status")),
        Enum.Parse<TicketPriority>(e.GetString("Priority")), e.GetString("Subject"), e.GetString("Description"), e.GetString("TenantId"),
        e.GetString("InvoiceId"), e.GetString("WorkflowId"), e.GetString("Assignee"), e.GetString("CreatedBy"), e.GetDateTimeOffset("CreatedAt")!.Value,
        e.GetDateTimeOffset("UpdatedAt")!.Value, e.GetString("ExternalUrl"), e.GetString("IdempotencyKey"));

    public static TableEntity ToEntity(string ticketId, TicketComment c) => new(ticketId, CommentPrefix + c.Id)
    {
        ["Author"] = c.Author,
        ["Text"] = c.Text,
        ["CreatedAt"] = c.CreatedAt,
    };

    public static TicketComment ToComment(TableEntity e) =>
        new(e.RowKey[CommentPrefix.Length..], e.GetString("Author"), e.GetString("Text"), e.GetDateTimeOffset("CreatedAt")!.Value);
}
