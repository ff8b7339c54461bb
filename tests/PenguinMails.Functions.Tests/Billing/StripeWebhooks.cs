using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Stripe;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>Builds Stripe events and signs them with Stripe.net's own helper, as Stripe would send them.</summary>
public static class StripeWebhooks
{
    public const string Secret = "whsec_test_penguin_signing_secret";

    public static string Event(string type, JsonObject dataObject, string? id = null, DateTimeOffset? created = null, string? apiVersion = null) =>
        new JsonObject
        {
            ["id"] = id ?? NewEventId(),
            ["object"] = "event",
            ["api_version"] = apiVersion ?? StripeConfiguration.ApiVersion,
            ["created"] = (created ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(),
            ["livemode"] = false,
            ["pending_webhooks"] = 1,
            ["type"] = type,
            ["data"] = new JsonObject { ["object"] = dataObject.DeepClone() },
        }.ToJsonString();

    public static string NewEventId() => "evt_" + Guid.NewGuid().ToString("N")[..24];

    public static string Sign(string payload, DateTimeOffset? at = null, string secret = Secret) =>
        EventUtility.GenerateSignatureHeader(payload, secret, (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds());

    public static HttpRequestMessage Request(string payload, string? signature)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes(payload)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } },
        };
        if (signature is not null)
        {
            request.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }
        return request;
    }

    public static Task<HttpResponseMessage> SendAsync(HttpClient client, string payload) => client.SendAsync(Request(payload, Sign(payload)));
}
