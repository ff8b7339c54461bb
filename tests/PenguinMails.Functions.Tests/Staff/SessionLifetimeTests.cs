using System.Net;
using Microsoft.Extensions.Time.Testing;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Staff;

public sealed class SessionLifetimeTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly AdminAppFactory _app;

    public SessionLifetimeTests() => _app = new AdminAppFactory { Time = _time };

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task IdleForThirtyMinutes_TheSessionExpires()
    {
        var (client, _) = await TestStaff.SignInAsync(_app, RoleCatalog.Auditor);
        _time.Advance(TimeSpan.FromMinutes(29));
        (await client.GetAsync("/api/me")).EnsureSuccessStatusCode();
        _time.Advance(TimeSpan.FromMinutes(29));
        (await client.GetAsync("/api/me")).EnsureSuccessStatusCode();
        _time.Advance(TimeSpan.FromMinutes(31));
        await (await client.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "session_expired");
    }

    [Fact]
    public async Task ActiveAllDay_TheSessionStillEndsAfterTwelveHours()
    {
        var (client, _) = await TestStaff.SignInAsync(_app, RoleCatalog.Auditor);
        for (var elapsed = TimeSpan.Zero; elapsed < TimeSpan.FromHours(11.5); elapsed += TimeSpan.FromMinutes(20))
        {
            _time.Advance(TimeSpan.FromMinutes(20));
            (await client.GetAsync("/api/me")).EnsureSuccessStatusCode();
        }
        _time.Advance(TimeSpan.FromMinutes(40));
        await (await client.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "session_expired");
    }

    [Fact]
    public async Task MySessions_ListsLiveSessionsAndICanEndOneButNotSomeoneElses()
    {
        var (client, me) = await TestStaff.SignInAsync(_app, RoleCatalog.Auditor);
        var other = TestStaff.ClientWithToken(_app, await TestStaff.SessionAsync(_app, me));
        var sessions = (await (await client.GetAsync("/api/me/sessions")).ReadJsonAsync()).EnumerateArray().ToList();
        Assert.Equal(2, sessions.Count);
        Assert.All(sessions, s => Assert.Equal("tests", s.GetProperty("userAgent").GetString()));

        var (_, stranger) = await TestStaff.SignInAsync(_app, RoleCatalog.Auditor);
        var strangersSession = (await (await TestStaff.ClientWithToken(_app, await TestStaff.SessionAsync(_app, stranger))
            .GetAsync("/api/me/sessions")).ReadJsonAsync())[0].GetProperty("id").GetString();
        await (await client.DeleteAsync($"/api/me/sessions/{strangersSession}")).AssertProblemAsync(HttpStatusCode.NotFound, "not_found");

        var otherId = sessions.Select(s => s.GetProperty("id").GetString()).First();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/me/sessions/{otherId}")).StatusCode);
        var stillAlive = (await client.GetAsync("/api/me")).IsSuccessStatusCode ? client : other;
        Assert.Single((await (await stillAlive.GetAsync("/api/me/sessions")).ReadJsonAsync()).EnumerateArray());
    }
}
