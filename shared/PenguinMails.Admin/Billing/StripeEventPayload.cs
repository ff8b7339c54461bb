using System.Text.Json;

namespace PenguinMails.Admin.Billing;

/// <summary>
/// Reads the object a verified event carries. Used only when Stripe has no API key to re-fetch with: the payload is
/// signed, so it is Stripe's word as of the event's <c>created</c> time, and events are ordered by that time.
/// </summary>
public static class StripeEventPayload
{
    public static StripeSubscription Subscription(string payload)
    {
        using var document = JsonDocument.Parse(payload);
        var data = document.RootElement.GetProperty("data").GetProperty("object");
        return new StripeSubscription(
            data.GetProperty("id").GetString()!,
            Text(data, "customer") ?? throw new FormatException("The subscription in the event names no customer."),
            Text(data, "status") ?? throw new FormatException("The subscription in the event has no status."),
            data.TryGetProperty("pause_collection", out var pause) && pause.ValueKind == JsonValueKind.Object ? Text(pause, "behavior") : null,
            data.TryGetProperty("cancel_at_period_end", out var cancel) && cancel.ValueKind == JsonValueKind.True,
            data.TryGetProperty("created", out var created) && created.ValueKind == JsonValueKind.Number
                ? DateTimeOffset.FromUnixTimeSeconds(created.GetInt64()) : DateTimeOffset.UnixEpoch,
            data.TryGetProperty("livemode", out var live) && live.ValueKind == JsonValueKind.True);
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
