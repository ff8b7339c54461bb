using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Billing;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>POST /api/webhooks/stripe: what is rejected (and then never stored), and what is stored but not processed.</summary>
public sealed class StripeWebhookSignatureTests(BillingAppFactory factory) : IClassFixture<BillingAppFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    private IStripeEventStore Store => factory.Services.GetRequiredService<IStripeEventStore>();

    private static (string Id, string Payload) NewEvent(string type = "invoice.paid", string? apiVersion = null)
    {
        var id = StripeWebhooks.NewEventId();
        return (id, StripeWebhooks.Event(type, StripeObjects.Invoice("in_" + id[4..], "cus_nobody", 100), id, apiVersion: apiVersion));
    }

    [Fact]
    public async Task MissingSignatureHeader_Is400AndNothingIsStored()
    {
        var (id, payload) = NewEvent();

        var response = await _client.SendAsync(StripeWebhooks.Request(payload, null));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "stripe_signature_missing");
        Assert.Null(await Store.GetAsync(id));
    }

    [Fact]
    public async Task SignatureWithAnotherSecret_Is400AndNothingIsStored()
    {
        var (id, payload) = NewEvent();

        var response = await _client.SendAsync(StripeWebhooks.Request(payload, StripeWebhooks.Sign(payload, secret: "whsec_someone_else")));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "stripe_signature_invalid");
        Assert.Null(await Store.GetAsync(id));
    }

    [Fact]
    public async Task StaleTimestamp_Is400AndNothingIsStored()
    {
        var (id, payload) = NewEvent();

        var response = await _client.SendAsync(StripeWebhooks.Request(payload, StripeWebhooks.Sign(payload, DateTimeOffset.UtcNow.AddMinutes(-6))));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "stripe_signature_invalid");
        Assert.Null(await Store.GetAsync(id));
    }

    [Fact]
    public async Task BodyAlteredByOneByte_Is400AndNothingIsStored()
    {
        var (id, payload) = NewEvent();
        var signature = StripeWebhooks.Sign(payload);
        var bytes = Encoding.UTF8.GetBytes(payload);
        var at = Array.IndexOf(bytes, (byte)'1'); // a digit of the amount: still valid JSON, different money
        bytes[at] = (byte)'9';

        var response = await _client.SendAsync(StripeWebhooks.Request(Encoding.UTF8.GetString(bytes), signature));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "stripe_signature_invalid");
        Assert.Null(await Store.GetAsync(id));
    }

    [Fact]
    public async Task GarbageHeader_Is400NotA500()
    {
        var (_, payload) = NewEvent();

        var response = await _client.SendAsync(StripeWebhooks.Request(payload, "this is not a stripe header"));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "stripe_signature_invalid");
    }

    [Fact]
    public async Task SignedBodyThatIsNotAnEvent_Is400()
    {
        const string payload = """{"hello":"world"}""";

        var response = await _client.SendAsync(StripeWebhooks.Request(payload, StripeWebhooks.Sign(payload)));

        await response.AssertProblemAsync(HttpStatusCode.BadRequest, "malformed_event");
    }

    [Fact]
    public async Task EventFromAnotherApiReleaseTrain_IsStoredAndAnswered200NotProcessed()
    {
        var (id, payload) = NewEvent(apiVersion: "2024-06-20");

        var body = await (await StripeWebhooks.SendAsync(_client, payload)).ReadJsonAsync();

        Assert.False(body.GetProperty("processed").GetBoolean());
        Assert.Contains("api_version_mismatch", body.GetProperty("reason").GetString());
        var stored = await Store.GetAsync(id);
        Assert.Equal(StripeEventStatus.NotProcessed, stored?.Status);
        Assert.Equal(payload, stored?.Payload);
    }

    [Fact]
    public async Task EventTypeNobodyHandles_IsAnswered200NotProcessed()
    {
        var (id, payload) = NewEvent(type: "customer.tax_id.created");

        var body = await (await StripeWebhooks.SendAsync(_client, payload)).ReadJsonAsync();

        Assert.False(body.GetProperty("processed").GetBoolean());
        Assert.Equal("not processed: event_type_not_handled", body.GetProperty("reason").GetString());
        Assert.Equal(StripeEventStatus.NotProcessed, (await Store.GetAsync(id))?.Status);
    }

    [Fact]
    public async Task SameEventTwice_IsStoredOnceAndTheSecondIsADuplicate()
    {
        var (id, payload) = NewEvent();

        var first = await (await StripeWebhooks.SendAsync(_client, payload)).ReadJsonAsync();
        var second = await (await StripeWebhooks.SendAsync(_client, payload)).ReadJsonAsync();

        Assert.False(first.GetProperty("duplicate").GetBoolean());
        Assert.True(second.GetProperty("duplicate").GetBoolean());
        Assert.Equal(id, second.GetProperty("eventId").GetString());
    }

    [Fact]
    public async Task WithoutAWebhookSecret_TheEndpointSaysStripeIsNotConfigured()
    {
        using var unconfigured = AdminAppFactory.WithSettings(new Dictionary<string, string?>());
        var (_, payload) = NewEvent();

        var response = await unconfigured.CreateClient().SendAsync(StripeWebhooks.Request(payload, StripeWebhooks.Sign(payload)));

        await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable, "stripe_not_configured");
    }
}
