using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Stripe;

namespace PenguinMails.Benchmarks.Billing;

/// <summary>
/// Load runner: `webhook-load [events=10000] [concurrency=32]`. Starts the real app on Kestrel (loopback, port 0) over
/// Azurite (PENGUINMAILS_TEST_STORAGE or the default development storage), sends that many distinct signed
/// invoice.paid events to POST /api/webhooks/stripe, and prints accept throughput and p50/p99/max latency. Every
/// request is a full accept: signature check, insert-if-absent, enqueue. Processing is off so only the accept path is timed.
/// </summary>
public sealed class WebhookLoadRunner : PenguinMails.Benchmarks.Infrastructure.ILoadRunner
{
    private const string Secret = "whsec_benchmark_only";

    public string Name => "webhook-load";

    public async Task RunAsync(string[] args) => await RunLoadAsync(args);

    private static async Task<int> RunLoadAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 10_000;
        var concurrency = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 32;
        // Outside a test project there is no content-root manifest; the app needs nothing from its content root.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PENGUINMAILS_FUNCTIONS", AppContext.BaseDirectory);
        await using var app = new LoadApp();
        app.UseKestrel(0);
        app.StartServer();
        using var client = app.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        await SendAsync(client, Event("evt_warmup_" + Guid.NewGuid().ToString("N")));

        var run = Guid.NewGuid().ToString("N")[..8];
        var latencies = new double[count];
        var failures = 0;
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                var payload = Event($"evt_{run}_{i:D6}");
                var started = Stopwatch.GetTimestamp();
                var ok = await SendAsync(client, payload);
                latencies[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!ok)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }));
        clock.Stop();
        Array.Sort(latencies);
        Console.WriteLine($"webhook accept: {count} signed events, concurrency {concurrency}, {failures} failed");
        Console.WriteLine($"  throughput  {count / clock.Elapsed.TotalSeconds:F0} events/s ({clock.Elapsed.TotalSeconds:F1} s)");
        Console.WriteLine($"  latency ms  p50 {Percentile(latencies, 0.50):F1}  p90 {Percentile(latencies, 0.90):F1}  "
            + $"p99 {Percentile(latencies, 0.99):F1}  max {latencies[^1]:F1}");
        return failures == 0 ? 0 : 1;
    }

    private static string Event(string id) => new System.Text.Json.Nodes.JsonObject
    {
        ["id"] = id, ["object"] = "event", ["api_version"] = StripeConfiguration.ApiVersion, ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        ["livemode"] = false, ["pending_webhooks"] = 1, ["type"] = "invoice.paid",
        ["data"] = new System.Text.Json.Nodes.JsonObject
        {
            ["object"] = new System.Text.Json.Nodes.JsonObject
            {
                ["id"] = "in_" + id[4..], ["object"] = "invoice", ["customer"] = "cus_benchmark", ["status"] = "paid", ["total"] = 4900,
                ["amount_paid"] = 4900, ["currency"] = "usd",
            },
        },
    }.ToJsonString();

    private static async Task<bool> SendAsync(HttpClient client, string payload)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/stripe")
        {
            Content = new StringContent(payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.TryAddWithoutValidation("Stripe-Signature", EventUtility.GenerateSignatureHeader(payload, Secret, null));
        using var response = await client.SendAsync(request);
        return response.IsSuccessStatusCode;
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    private sealed class LoadApp : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var storage = Environment.GetEnvironmentVariable("PENGUINMAILS_TEST_STORAGE") is { Length: > 0 } value ? value : "UseDevelopmentStorage=true";
            builder.UseEnvironment("Production");
            builder.UseSetting("Storage", storage);
            builder.UseSetting("Storage:Prefix", "bench" + Guid.NewGuid().ToString("N")[..8]);
            builder.UseSetting("Security:CursorKey", Convert.ToBase64String(Guid.NewGuid().ToByteArray().Concat(Guid.NewGuid().ToByteArray()).ToArray()));
            builder.UseSetting("Stripe:WebhookSecret", Secret);
            builder.UseSetting("Triggers:RunLocally", "false");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}
