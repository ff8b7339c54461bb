using System.Net.Http.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Monitoring;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Monitoring;

/// <summary>
/// The app forwarding engagement events to a fake PostHog over HTTP, in batches of 3. The flush interval is long,
/// so a batch goes out only when it is full, or at shutdown.
/// </summary>
public sealed class PostHogForwardingTests : IAsyncLifetime
{
    private const string ApiKey = "phc_test_project_key";
    private FakePostHog _postHog = null!;
    private AdminAppFactory _factory = null!;

    public async Task InitializeAsync()
    {
        _postHog = await FakePostHog.StartAsync();
        _factory = AdminAppFactory.WithSettings(new Dictionary<string, string?>
        {
            ["PostHog:ApiKey"] = ApiKey,
            ["PostHog:Host"] = _postHog.Url,
            ["PostHog:BatchSize"] = "3",
            ["PostHog:FlushIntervalSeconds"] = "600",
            ["PostHog:RetryDelaySeconds"] = "0.2",
        });
        _ = _factory.Server;
    }

    public async Task DisposeAsync()
    {
        await _factory.DisposeAsync();
        await _postHog.DisposeAsync();
    }

    [Fact]
    public async Task StateChangingCalls_AreForwardedInFullBatches_AndTheRestAtShutdown()
    {
        var (client, me) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        (await client.GetAsync("/api/staff")).EnsureSuccessStatusCode();
        for (var i = 0; i < 4; i++)
        {
            (await CreateStaffAsync(client)).EnsureSuccessStatusCode();
        }

        await Eventually.TrueAsync(() => Task.FromResult(!_postHog.AcceptedBatches.IsEmpty), TimeSpan.FromSeconds(30), "the full batch was not sent");
        var first = Assert.Single(_postHog.AcceptedBatches);
        Assert.Equal(ApiKey, first.GetProperty("api_key").GetString());
        Assert.Equal(3, first.GetProperty("batch").GetArrayLength());

        await _factory.DisposeAsync(); // the fourth event waits for a full batch, or for shutdown
        var events = _postHog.Events.ToList();
        Assert.Equal(4, events.Count);
        Assert.Equal(2, _postHog.AcceptedBatches.Count);
        Assert.All(events, e =>
        {
            Assert.Equal(RequestMetricsMiddleware.EngagementEventName, e.GetProperty("event").GetString());
            Assert.Equal(me.Id, e.GetProperty("distinct_id").GetString());
            Assert.Equal("CreateStaff", e.GetProperty("properties").GetProperty("function").GetString());
            Assert.Equal("201", e.GetProperty("properties").GetProperty("status").GetString());
            Assert.DoesNotContain("@", e.GetRawText()); // no email addresses; the GET was not an engagement event
        });
    }

    [Fact]
    public async Task TransientFailures_AreRetried()
    {
        _postHog.FailNext(503, 429);
        var (client, me) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        for (var i = 0; i < 3; i++)
        {
            (await CreateStaffAsync(client)).EnsureSuccessStatusCode();
        }

        await Eventually.TrueAsync(() => Task.FromResult(_postHog.Events.Count() == 3), TimeSpan.FromSeconds(30), "the batch was not retried");
        Assert.Equal(3, _postHog.Requests);
        Assert.All(_postHog.Events, e => Assert.Equal(me.Id, e.GetProperty("distinct_id").GetString()));
    }

    private static Task<HttpResponseMessage> CreateStaffAsync(HttpClient client) => client.PostAsJsonAsync("/api/staff",
        new { email = $"new-{Guid.NewGuid():N}@penguinmails.test", displayName = "New", roles = new[] { "auditor" } });
}
