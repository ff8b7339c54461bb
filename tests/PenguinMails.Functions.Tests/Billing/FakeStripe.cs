using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PenguinMails.Functions.Tests.Billing;

/// <summary>
/// An in-process fake of the Stripe API on real HTTP (Kestrel on 127.0.0.1, port 0), for Stripe.net with a custom api
/// base. It serves objects in Stripe's wire format (snake_case, unix times), 404s in Stripe's error shape, and
/// cursor-paged lists (newest first, limit and starting_after) so auto-paging is exercised.
/// </summary>
public sealed class FakeStripe : IAsyncDisposable
{
    public const string SecretKey = "sk_test_fake_penguin";
    private static readonly string[] Collections = ["subscriptions", "invoices", "charges", "refunds", "disputes", "invoice_payments"];
    private readonly WebApplication _app;

    public FakeStripe()
    {
        foreach (var name in Collections)
        {
            Objects[name] = new ConcurrentDictionary<string, JsonObject>(StringComparer.Ordinal);
        }
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/v1/{collection}", List);
        _app.MapGet("/v1/{collection}/{id}", Get);
        _app.StartAsync().GetAwaiter().GetResult();
        Url = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
    }

    public string Url { get; }

    public ConcurrentDictionary<string, ConcurrentDictionary<string, JsonObject>> Objects { get; } = new(StringComparer.Ordinal);

    /// <summary>Every request path with its query, in order, to check paging.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>While true, every call answers 500 (and tells Stripe.net not to retry), as an outage would.</summary>
    public bool Down { get; set; }

    public JsonObject Put(string collection, JsonObject value)
    {
        Objects[collection][(string)value["id"]!] = value;
        return value;
    }

    public void Remove(string collection, string id) => Objects[collection].TryRemove(id, out _);

    private IResult Get(string collection, string id, HttpRequest request, HttpResponse response)
    {
        Requests.Enqueue(request.Path + request.QueryString);
        if (Down)
        {
            return Outage(response);
        }
        if (!Authorized(request))
        {
            return Error(401, "authentication_required", "Invalid API Key provided.");
        }
        return Objects.TryGetValue(collection, out var items) && items.TryGetValue(id, out var value)
            ? Results.Content(value.ToJsonString(), "application/json")
            : Error(404, "resource_missing", $"No such {collection.TrimEnd('s')}: '{id}'");
    }

    private IResult List(string collection, HttpRequest request, HttpResponse response)
    {
        Requests.Enqueue(request.Path + request.QueryString);
        if (Down)
        {
            return Outage(response);
        }
        if (!Authorized(request))
        {
            return Error(401, "authentication_required", "Invalid API Key provided.");
        }
        if (!Objects.TryGetValue(collection, out var items))
        {
            return Error(404, "resource_missing", $"Unrecognized request URL (GET: /v1/{collection}).");
        }
        var query = request.Query;
        var limit = int.TryParse(query["limit"], out var l) ? l : 10;
        var matching = items.Values
            .Where(o => Matches(o, "customer", query["customer"]) && Matches(o, "invoice", query["invoice"])
                && Matches(o, "payment_intent", query["payment_intent"]))
            .Where(o => collection != "subscriptions" || query["status"] == "all" || (string?)o["status"] != "canceled")
            .OrderByDescending(o => (long)o["created"]!).ThenByDescending(o => (string)o["id"]!, StringComparer.Ordinal)
            .ToList();
        var after = query["starting_after"].ToString();
        var start = string.IsNullOrEmpty(after) ? 0 : matching.FindIndex(o => (string)o["id"]! == after) + 1;
        var page = matching.Skip(start).Take(limit).ToList();
        var body = new JsonObject
        {
            ["object"] = "list",
            ["url"] = "/v1/" + collection,
            ["has_more"] = start + page.Count < matching.Count,
            ["data"] = new JsonArray(page.Select(o => (JsonNode)o.DeepClone()).ToArray()),
        };
        return Results.Content(body.ToJsonString(), "application/json");
    }

    private static bool Matches(JsonObject value, string field, string? expected) =>
        string.IsNullOrEmpty(expected) || (value[field] is JsonValue v ? v.ToString() : null) == expected;

    private static bool Authorized(HttpRequest request) => request.Headers.Authorization.ToString() == "Bearer " + SecretKey;

    private static IResult Outage(HttpResponse response)
    {
        response.Headers["Stripe-Should-Retry"] = "false";
        return Error(500, "api_error", "Stripe is unavailable (the test made it so).");
    }

    private static IResult Error(int status, string code, string message) => Results.Content(
        new JsonObject { ["error"] = new JsonObject { ["type"] = "invalid_request_error", ["code"] = code, ["message"] = message } }.ToJsonString(),
        "application/json", statusCode: status);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
