using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Monitoring;
using PenguinMails.Admin.Monitoring.Series;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Workflows;

namespace PenguinMails.Functions.Tests.Monitoring;

/// <summary>
/// GET /api/monitoring/series on Azurite, on a clock the test moves: requests made through the app, rows another
/// instance wrote, job buckets, queue samples and workflows run by the real engine, each charted per minute and per hour.
/// </summary>
public sealed class MonitoringSeriesTests : IDisposable
{
    private const string Queue = "series-waiting";
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 10, 0, 5, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Start);
    private readonly AdminAppFactory _factory;

    public MonitoringSeriesTests()
    {
        _factory = new AdminAppFactory { Time = _time }.Register().WithServices(services => services.AddStorageQueues(Queue));
    }

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task Requests_AreCountedPerMinute_AcrossInstances_WithZerosForQuietMinutes()
    {
        var (admin, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        for (var i = 0; i < 3; i++)
        {
            (await admin.GetAsync("/api/roles")).EnsureSuccessStatusCode();
        }
        await (await admin.GetAsync("/api/staff/no-such-member")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");
        // Another instance wrote four slow calls to the same function in the same minute.
        var slow = new LatencyHistogram();
        for (var i = 0; i < 4; i++)
        {
            slow.Add(5000);
        }
        await _factory.Services.GetRequiredService<IRequestStatsStore>().WriteAsync(
            [new RequestMinute(MinuteClock.Minute(Start), "ListRoles", "other-instance", 4, 0, 1, slow)]);
        _time.Advance(TimeSpan.FromMinutes(2));
        (await admin.GetAsync("/api/roles")).EnsureSuccessStatusCode();

        var range = $"&from={Q(Start.AddMinutes(-1))}&to={Q(_time.GetUtcNow())}";
        var requests = await SeriesAsync(admin, "metric=requests&name=ListRoles" + range);
        Assert.Equal("count", requests.GetProperty("unit").GetString());
        Assert.Equal(new double[] { 0, 7, 0, 1 }, Values(requests));
        Assert.Equal(Start.AddMinutes(-1).AddSeconds(-5), requests.GetProperty("points")[0].GetProperty("time").GetDateTimeOffset());

        Assert.Equal(new double[] { 0, 1, 0, 0 }, Values(await SeriesAsync(admin, "metric=5xx&name=ListRoles" + range)));
        Assert.Equal(1, Values(await SeriesAsync(admin, "metric=4xx" + range))[1]);
        var p95 = (await SeriesAsync(admin, "metric=p95&name=ListRoles" + range)).GetProperty("points");
        Assert.Equal(JsonValueKind.Null, p95[0].GetProperty("value").ValueKind);
        Assert.True(p95[1].GetProperty("value").GetDouble() >= 2000, "merged histograms keep the other instance's slow calls");

        var hourly = await SeriesAsync(admin, $"metric=requests&name=ListRoles&step=hour&from={Q(Start.AddHours(-2))}&to={Q(_time.GetUtcNow())}");
        Assert.Equal("hour", hourly.GetProperty("step").GetString());
        Assert.Equal(new double[] { 0, 0, 8 }, Values(hourly));
    }

    [Fact]
    public async Task JobBuckets_AndQueueSamples_BecomePoints()
    {
        var jobs = _factory.Services.GetRequiredService<IJobStatsStore>();
        var minute = MinuteClock.Minute(Start);
        await jobs.WriteBucketsAsync([
            new JobBucket(minute, JobBucketSize.Minute, "PruneMonitoringStats", "a", 2, 1),
            new JobBucket(minute, JobBucketSize.Minute, "PruneMonitoringStats", "b", 3, 0),
            new JobBucket(minute, JobBucketSize.Minute, "EvaluateMonitoringAlerts", "a", 5, 0),
        ]);
        var storage = _factory.Services.GetRequiredService<StorageClients>();
        await storage.Queue(Queue).CreateIfNotExistsAsync();
        await storage.Queue(Queue).SendMessageAsync("one");
        await storage.Queue(Queue).SendMessageAsync("two");
        var sampler = _factory.Services.GetRequiredService<QueueSampler>();
        Assert.True(await sampler.SampleAsync() >= 1);
        _time.Advance(TimeSpan.FromMinutes(1));
        await storage.Queue(Queue).ReceiveMessageAsync();
        await sampler.SampleAsync();

        var (officer, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.SecurityOfficer);
        var range = $"&from={Q(minute)}&to={Q(_time.GetUtcNow())}";
        Assert.Equal(new double[] { 5, 0 }, Values(await SeriesAsync(officer, "metric=job-runs&name=PruneMonitoringStats" + range)));
        Assert.Equal(new double[] { 10, 0 }, Values(await SeriesAsync(officer, "metric=job-runs" + range)));
        Assert.Equal(new double[] { 1, 0 }, Values(await SeriesAsync(officer, "metric=job-failures" + range)));
        var depth = await SeriesAsync(officer, $"metric=queue-depth&name={Queue}" + range);
        Assert.Equal("messages", depth.GetProperty("unit").GetString());
        Assert.Equal(new double[] { 2, 2 }, Values(depth)); // the received message is invisible, not gone: still counted
        var age = await SeriesAsync(officer, $"metric=queue-oldest-age&name={Queue}&from={Q(minute.AddMinutes(-1))}&to={Q(_time.GetUtcNow())}");
        var points = age.GetProperty("points");
        Assert.Equal(JsonValueKind.Null, points[0].GetProperty("value").ValueKind); // no sample before the first
        Assert.True(points[1].GetProperty("value").GetDouble() >= 0);
    }

    [Fact]
    public async Task Workflows_ChartStartsCompletionsAndFailures()
    {
        // The task hub stamps instances with the real clock, so the test's clock moves to it first.
        _time.SetUtcNow(DateTimeOffset.UtcNow);
        var workflows = _factory.Services.GetRequiredService<IWorkflowClient>();
        var starter = Actor.System("tests");
        var ids = new List<string>();
        foreach (var definition in new[] { TestWorkflows.ThreeSteps, TestWorkflows.ThreeSteps, TestWorkflows.Failing })
        {
            var id = definition.Type + "-" + Guid.NewGuid().ToString("N");
            await workflows.StartAsync(starter, definition.Type, id, null);
            ids.Add(id);
        }
        foreach (var id in ids)
        {
            await Eventually.ValueAsync(() => workflows.FindAsync(id), i => i?.IsTerminal == true, TimeSpan.FromSeconds(60), $"{id} did not finish.");
        }
        _time.SetUtcNow(DateTimeOffset.UtcNow);

        var (admin, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        Assert.Equal(3, Values(await SeriesAsync(admin, "metric=workflow-starts")).Sum());
        Assert.Equal(2, Values(await SeriesAsync(admin, $"metric=workflow-completions&name={TestWorkflows.ThreeSteps.Type}")).Sum());
        Assert.Equal(0, Values(await SeriesAsync(admin, $"metric=workflow-failures&name={TestWorkflows.ThreeSteps.Type}")).Sum());
        var failures = await SeriesAsync(admin, "metric=workflow-failures&step=hour");
        Assert.Equal(24, failures.GetProperty("points").GetArrayLength());
        Assert.Equal(1, Values(failures).Sum());
    }

    [Theory]
    [InlineData("metric=cpu", "metric")]
    [InlineData("metric=requests&step=day", "step")]
    [InlineData("metric=requests&from=2026-12-02T10:00:00Z&to=2026-12-02T09:00:00Z", "from")]
    [InlineData("metric=requests&from=2026-11-30T10:00:00Z&to=2026-12-02T10:00:00Z", "from")]
    [InlineData("metric=requests&step=hour&from=2026-11-01T10:00:00Z&to=2026-12-02T10:00:00Z", "from")]
    [InlineData("metric=requests&name=NoSuchFunction", "name")]
    [InlineData("metric=queue-depth&name=no-such-queue", "name")]
    [InlineData("metric=workflow-starts&name=ListRoles", "name")]
    public async Task BadInput_IsRefusedWithTheField(string query, string field)
    {
        var (admin, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var problem = await (await admin.GetAsync("/api/monitoring/series?" + query)).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"no error for {field}: {problem}");
    }

    [Fact]
    public async Task AnUnreadableTime_IsABadRequest_AndRolesWithoutMonitoringAreRefused()
    {
        var (admin, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/monitoring/series?metric=requests&from=yesterday")).StatusCode);
        var (agent, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.SupportAgent);
        await (await agent.GetAsync("/api/monitoring/series?metric=requests")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    private static async Task<JsonElement> SeriesAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync("/api/monitoring/series?" + query);
        Assert.True(response.IsSuccessStatusCode, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.ReadJsonAsync();
    }

    private static double[] Values(JsonElement series) =>
        series.GetProperty("points").EnumerateArray().Select(p => p.GetProperty("value").ValueKind == JsonValueKind.Null ? 0 : p.GetProperty("value").GetDouble())
            .ToArray();

    private static string Q(DateTimeOffset time) => Uri.EscapeDataString(time.ToString("O"));
}
