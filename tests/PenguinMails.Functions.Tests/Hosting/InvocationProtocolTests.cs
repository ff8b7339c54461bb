using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Infrastructure.Staff;
using PenguinMails.Admin.Staff;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Hosting;

/// <summary>The app as the Functions host sees it: FUNCTIONS_CUSTOMHANDLER_PORT set, triggers POSTed to /{FunctionName}.</summary>
public sealed class InvocationProtocolTests : IClassFixture<InvocationProtocolTests.UnderHostFactory>
{
    private readonly UnderHostFactory _factory;

    public InvocationProtocolTests(UnderHostFactory factory) => _factory = factory;

    public sealed class UnderHostFactory() : AdminAppFactory(new Dictionary<string, string?> { ["FUNCTIONS_CUSTOMHANDLER_PORT"] = "40123" });

    [Fact]
    public async Task TimerInvocation_RunsTheHandlerAndAnswersWithOutputsLogsAndReturnValue()
    {
        var expired = await SeedDeadSessionAsync();
        var payload = new
        {
            Data = new { timer = new { Schedule = new { AdjustForDST = true }, ScheduleStatus = (object?)null, IsPastDue = false } },
            Metadata = new { sys = new { MethodName = "SweepExpiredSessions", UtcNow = DateTime.UtcNow.ToString("O") } },
        };
        var response = await _factory.CreateClient().PostAsJsonAsync("/SweepExpiredSessions", payload);
        var json = await response.ReadJsonAsync();
        Assert.Equal(JsonValueKind.Object, json.GetProperty("Outputs").ValueKind);
        Assert.Contains("Deleted 1 dead sessions.", json.GetProperty("Logs").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal(JsonValueKind.Null, json.GetProperty("ReturnValue").ValueKind);
        var sessions = _factory.Services.GetRequiredService<ISessionStore>();
        Assert.Null(await sessions.GetAsync(expired.StaffId, expired.Id));
    }

    [Fact]
    public async Task QueueInvocation_WithAStringMessage_IsDispatched()
    {
        var payload = new { Data = new { message = "{\"partition\":\"2001-01-01\",\"sequence\":1}" }, Metadata = new { DequeueCount = 2, Id = "m1" } };
        var response = await _factory.CreateClient().PostAsJsonAsync("/RebuildAuditIndex", payload);
        // That event does not exist, so the function fails and the host is told with a non-2xx answer (it will retry).
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Contains("RebuildAuditIndex failed", json.GetProperty("Logs")[0].GetString());
    }

    [Fact]
    public async Task StandaloneAppDoesNotExposeInvocationEndpoints()
    {
        using var standalone = new AdminAppFactory();
        var response = await standalone.CreateClient().PostAsJsonAsync("/SweepExpiredSessions", new { Data = new { } });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<StaffSession> SeedDeadSessionAsync()
    {
        var storage = _factory.Services.GetRequiredService<StorageClients>();
        await storage.Table(TableSessionStore.TableName).CreateIfNotExistsAsync();
        var longAgo = DateTimeOffset.UtcNow.AddDays(-3);
        var session = new StaffSession(SessionTokens.NewId(), SessionTokens.NewId(), "dead@penguinmails.test", "hash", "stamp", longAgo, longAgo, longAgo.AddHours(12), null, null, null, []);
        await _factory.Services.GetRequiredService<ISessionStore>().CreateAsync(session, null);
        return session;
    }
}
