using System.Text.Json;
using PenguinMails.Admin.Billing;
using Stripe;

namespace PenguinMails.Admin.Infrastructure.Billing;

/// <summary>
/// Checks the signature with Stripe.net's <see cref="EventUtility.ValidateSignature(string, string, string, long)"/> (the check
/// <c>ConstructEvent</c> runs) over the exact raw payload, then reads the envelope itself. The typed parse is skipped on
/// purpose: an event from another API release train may not fit this SDK's types, and handlers re-fetch objects anyway.
/// </summary>
public sealed class StripeWebhookVerifier(StripeOptions options) : IStripeWebhookVerifier
{
    public WebhookVerification Verify(string payload, string signatureHeader)
    {
        if (string.IsNullOrWhiteSpace(options.WebhookSecret))
        {
            throw Admin.Common.AdminException.Unavailable("stripe_not_configured", "Stripe__WebhookSecret is not set, so webhooks cannot be verified.");
        }
        try
        {
            EventUtility.ValidateSignature(payload, signatureHeader, options.WebhookSecret, options.WebhookToleranceSeconds);
        }
        catch (StripeException)
        {
            return WebhookVerification.Failed("stripe_signature_invalid",
                "The Stripe-Signature header does not match the payload, or its timestamp is outside the tolerance.");
        }
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            var data = root.GetProperty("data").GetProperty("object");
            var apiVersion = root.TryGetProperty("api_version", out var version) && version.ValueKind == JsonValueKind.String ? version.GetString() : null;
            var stripeEvent = new StripeWebhookEvent(
                root.GetProperty("id").GetString()!,
                root.GetProperty("type").GetString()!,
                DateTimeOffset.FromUnixTimeSeconds(root.GetProperty("created").GetInt64()),
                apiVersion,
                root.TryGetProperty("livemode", out var live) && live.ValueKind == JsonValueKind.True,
                data.GetProperty("id").GetString()!,
                data.TryGetProperty("object", out var kind) ? kind.GetString() ?? "" : "",
                CustomerOf(data));
            var matches = apiVersion is not null && EventUtility.IsCompatibleApiVersion(apiVersion);
            return new WebhookVerification(stripeEvent, null, null, matches);
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException or FormatException)
        {
            return WebhookVerification.Failed("malformed_event", "The signed payload is not a Stripe event.");
        }
    }

    private static string? CustomerOf(JsonElement data) =>
        data.TryGetProperty("customer", out var customer) && customer.ValueKind == JsonValueKind.String ? customer.GetString() : null;
}
