using System.Text;
using PenguinMails.Admin.Billing;

namespace PenguinMails.Functions.Billing;

/// <summary>
/// POST /api/webhooks/stripe: anonymous, authenticated by the Stripe signature over the exact raw body. It stores the
/// event once per id and queues it, answering in milliseconds; processing happens in ProcessStripeEvent.
/// </summary>
public static class StripeWebhookApi
{
    public const string SignatureHeader = "Stripe-Signature";

    public static void MapStripeWebhookApi(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/webhooks/stripe", ReceiveStripeWebhook).WithName("ReceiveStripeWebhook").WithTags("Billing").AllowAnonymous();

    public sealed record WebhookResponse(bool Received, string EventId, bool Processed, bool Duplicate, string? Reason);

    private static async Task<Ok<WebhookResponse>> ReceiveStripeWebhook(HttpRequest request, StripeWebhookIntake intake, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        // Stripe signs the UTF-8 bytes it sent; decoding them without any re-serialisation keeps the signed text intact.
        var payload = Encoding.UTF8.GetString(body.GetBuffer(), 0, (int)body.Length);
        var signature = request.Headers[SignatureHeader].ToString();
        var receipt = await intake.ReceiveAsync(payload, signature, cancellationToken);
        return TypedResults.Ok(new WebhookResponse(true, receipt.EventId, receipt.Processed, receipt.Duplicate,
            receipt.Processed ? null : "not processed: " + receipt.Reason));
    }
}
