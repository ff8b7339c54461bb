using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace PenguinMails.Functions.Tests.Infrastructure;

/// <summary>
/// PostHog's capture API (POST /batch/) served over real HTTP in the test process. It keeps every body it
/// accepted, and can refuse the next requests with a status code to exercise retries.
/// </summary>
public sealed class FakePostHog : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<int> _failures = new();

    private FakePostHog(WebApplication app) => _app = app;

    public string Url { get; private set; } = "";

    public ConcurrentQueue<JsonElement> AcceptedBatches { get; } = new();

    public int Requests => _requests;

    private int _requests;

    public static async Task<FakePostHog> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var fake = new FakePostHog(app);
        app.MapPost("/batch/", async (HttpRequest request) =>
        {
            Interlocked.Increment(ref fake._requests);
            var body = await JsonDocument.ParseAsync(request.Body);
            if (fake._failures.TryDequeue(out var status))
            {
                return Results.StatusCode(status);
            }
            fake.AcceptedBatches.Enqueue(body.RootElement.Clone());
            return Results.Json(new { status = 1 });
        });
        await app.StartAsync();
        fake.Url = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return fake;
    }

    /// <summary>The next requests answer <paramref name="status"/>, once per entry.</summary>
    public void FailNext(params int[] statuses)
    {
        foreach (var status in statuses)
        {
            _failures.Enqueue(status);
        }
    }

    public IEnumerable<JsonElement> Events => AcceptedBatches.SelectMany(b => b.GetProperty("batch").EnumerateArray());

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
