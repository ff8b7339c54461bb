using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Tickets;
using PenguinMails.Functions.Common;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Tickets;

/// <summary>Tickets on the finance, security and support queues (Journey 6).</summary>
public static class TicketsApi
{
    public static void MapTicketsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/tickets").WithTags("Tickets");
        group.MapGet("/", ListTickets).WithName("ListTickets").RequirePermission(Permissions.TicketsRead);
        group.MapGet("/{id}", GetTicket).WithName("GetTicket").RequirePermission(Permissions.TicketsRead);
        group.MapPatch("/{id}", UpdateTicket).WithName("UpdateTicket").RequirePermission(Permissions.TicketsManage);
    }

    private static async Task<Ok<Page<TicketResponse>>> ListTickets(TicketService tickets, Actor actor, string? queue, string? status, int? pageSize,
        string? cursor, CancellationToken cancellationToken)
    {
        var page = PageRequest.From(pageSize, cursor);
        var ticketStatus = Enums.ParseOptional<TicketStatus>("status", status);
        var wanted = string.IsNullOrWhiteSpace(queue) ? null : queue;
        if (wanted is not null)
        {
            new Validator().When(!TicketQueues.Exists(wanted), "queue", $"Use one of: {string.Join(", ", TicketQueues.All)}.").ThrowIfInvalid();
            EnsureCanSee(actor, wanted);
        }
        var result = await tickets.ListAsync(new TicketFilter(wanted, ticketStatus, TicketQueues.VisibleTo(actor)), page, cancellationToken);
        return TypedResults.Ok(result.Map(t => TicketResponse.From(t)));
    }

    private static async Task<Ok<TicketResponse>> GetTicket(string id, TicketService tickets, Actor actor, HttpResponse response,
        CancellationToken cancellationToken)
    {
        var ticket = await tickets.GetAsync(id, cancellationToken);
        EnsureCanSee(actor, ticket.Value.Queue);
        response.SetETag(ticket.ETag);
        return TypedResults.Ok(TicketResponse.From(ticket.Value, await tickets.ListCommentsAsync(id, cancellationToken)));
    }

    private static async Task<Ok<TicketResponse>> UpdateTicket(string id, UpdateTicketRequest request, TicketService tickets, Actor actor,
        HttpRequest http, CancellationToken cancellationToken)
    {
        var status = Enums.ParseOptional<TicketStatus>("status", request.Status);
        var current = await tickets.GetAsync(id, cancellationToken);
        EnsureCanSee(actor, current.Value.Queue);
        var change = new TicketChange(status, request.AssigneeSent, request.Assignee, request.Comment);
        var updated = await tickets.UpdateAsync(actor, id, change, http.IfMatch(), request.Reason, cancellationToken);
        http.HttpContext.Response.SetETag(updated.ETag);
        return TypedResults.Ok(TicketResponse.From(updated.Value, await tickets.ListCommentsAsync(id, cancellationToken)));
    }

    /// <summary>Object-level check: finance and security tickets need that domain's read permission too.</summary>
    private static void EnsureCanSee(Actor actor, string queue)
    {
        if (!TicketQueues.CanSee(actor, queue))
        {
            throw AdminException.Forbidden($"Tickets on the '{queue}' queue need the permission '{TicketQueues.ExtraPermission(queue)}'.");
        }
    }
}
