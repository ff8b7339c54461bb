using System.Text.Json.Nodes;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>Stripe objects in wire format (test mode), with only the fields the app reads plus their identity.</summary>
public static class StripeObjects
{
    public static long Unix(DateTimeOffset time) => time.ToUnixTimeSeconds();

    public static JsonObject Subscription(string id, string customer, string status = "active", string? pauseBehavior = null, DateTimeOffset? created = null) => new()
    {
        ["id"] = id, ["object"] = "subscription", ["customer"] = customer, ["status"] = status,
        ["pause_collection"] = pauseBehavior is null ? null : new JsonObject { ["behavior"] = pauseBehavior, ["resumes_at"] = null },
        ["cancel_at_period_end"] = false, ["created"] = Unix(created ?? DateTimeOffset.UtcNow.AddDays(-30)), ["livemode"] = false,
        ["items"] = new JsonObject { ["object"] = "list", ["data"] = new JsonArray(), ["has_more"] = false, ["url"] = "/v1/subscription_items" },
    };

    public static JsonObject Invoice(string id, string customer, long amount, string status = "paid", DateTimeOffset? created = null, string? subscription = null)
    {
        var at = created ?? DateTimeOffset.UtcNow.AddDays(-1);
        return new JsonObject
        {
            ["id"] = id, ["object"] = "invoice", ["customer"] = customer, ["number"] = "PM-" + id[^4..], ["status"] = status,
            ["total"] = amount, ["amount_due"] = amount, ["amount_paid"] = status == "paid" ? amount : 0, ["currency"] = "usd",
            ["created"] = Unix(at), ["livemode"] = false, ["hosted_invoice_url"] = "https://invoice.stripe.test/" + id,
            ["status_transitions"] = new JsonObject { ["paid_at"] = status == "paid" ? Unix(at.AddMinutes(1)) : null },
            ["parent"] = subscription is null ? null : new JsonObject
            {
                ["type"] = "subscription_details", ["subscription_details"] = new JsonObject { ["subscription"] = subscription },
            },
        };
    }

    public static JsonObject Charge(string id, string customer, long amount, DateTimeOffset? created = null, long refunded = 0, string? paymentIntent = null) => new()
    {
        ["id"] = id, ["object"] = "charge", ["customer"] = customer, ["amount"] = amount, ["amount_refunded"] = refunded,
        ["currency"] = "usd", ["status"] = "succeeded", ["paid"] = true, ["refunded"] = refunded >= amount, ["disputed"] = false,
        ["created"] = Unix(created ?? DateTimeOffset.UtcNow.AddDays(-1)), ["payment_intent"] = paymentIntent, ["livemode"] = false,
    };

    public static JsonObject InvoicePayment(string id, string invoice, string charge, DateTimeOffset? created = null) => new()
    {
        ["id"] = id, ["object"] = "invoice_payment", ["invoice"] = invoice, ["status"] = "paid", ["amount_requested"] = 0,
        ["created"] = Unix(created ?? DateTimeOffset.UtcNow.AddDays(-1)), ["livemode"] = false, ["is_default"] = true,
        ["payment"] = new JsonObject { ["type"] = "charge", ["charge"] = charge },
    };

    public static JsonObject Refund(string id, string charge, string status, long amount, string? failureReason = null) => new()
    {
        ["id"] = id, ["object"] = "refund", ["charge"] = charge, ["status"] = status, ["amount"] = amount, ["currency"] = "usd",
        ["failure_reason"] = failureReason, ["created"] = Unix(DateTimeOffset.UtcNow),
    };

    public static JsonObject Dispute(string id, string charge, string status, DateTimeOffset dueBy) => new()
    {
        ["id"] = id, ["object"] = "dispute", ["charge"] = charge, ["status"] = status, ["reason"] = "duplicate", ["amount"] = 4900,
        ["currency"] = "usd", ["created"] = Unix(DateTimeOffset.UtcNow), ["livemode"] = false, ["is_charge_refundable"] = true,
        ["evidence_details"] = new JsonObject { ["due_by"] = Unix(dueBy), ["has_evidence"] = false, ["past_due"] = false, ["submission_count"] = 0 },
    };
}
