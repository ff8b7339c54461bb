using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Common;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Billing;

/// <summary>
/// Stripe events that failed (or never ran) are on the record, for finance to see and replay: an event never ends
/// silently in the poison queue.
/// </summary>
public static class StripeEventsApi
{
    public static void MapStripeEventsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/finance/webhook-events").WithTags("Finance");
        group.MapGet("/", ListWebhookEvents).WithName("ListStripeWebhookEvents").RequirePermission(Permissions.FinanceRead);
        group.MapPost("/{id}/replay", ReplayWebhookEvent).WithName("ReplayStripeWebhookEvent").RequirePermission(Permissions.FinanceManage);
    }

    /// <summary><c>status</c> is <c>failed</c> (the default), <c>received</c> (queued, not yet run) or <c>notProcessed</c>.</summary>
    private static async Task<Ok<Page<WebhookEventResponse>>> ListWebhookEvents(StripeEventReplayService events, string? status, int? pageSize,
        string? cursor, CancellationToken cancellationToken)
    {
        var wanted = Enums.ParseOptional<StripeEventStatus>("status", status) ?? StripeEventStatus.Failed;
        var page = await events.ListAsync(wanted, PageRequest.From(pageSize, cursor), cancellationToken);
        return TypedResults.Ok(page.Map(WebhookEventResponse.From));
    }

    private static async Task<Accepted<WebhookEventResponse>> ReplayWebhookEvent(string id, ReplayRequest? request, StripeEventReplayService events,
        Actor actor, CancellationToken cancellationToken)
    {
        var replayed = await events.ReplayAsync(actor, id, request?.Reason, cancellationToken);
        return TypedResults.Accepted("/api/finance/webhook-events?status=received", WebhookEventResponse.From(replayed));
    }
}
