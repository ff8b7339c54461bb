using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Staff;

/// <summary>
/// Two app instances on the same storage: a change made through one fails the person's next call on the other,
/// although each request reads only the session row.
/// </summary>
public sealed class SessionAcrossInstancesTests : IAsyncLifetime
{
    private readonly AdminAppFactory _first = new();
    private AdminAppFactory _second = null!;

    public Task InitializeAsync()
    {
        _second = AdminAppFactory.WithSettings(new Dictionary<string, string?> { ["Storage:Prefix"] = _first.StoragePrefix });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _second.DisposeAsync();
        await _first.DisposeAsync();
    }

    private async Task<(HttpClient Admin, StaffMember Target, HttpClient TargetOnSecond)> SignedInTargetAsync(params string[] roles)
    {
        var (admin, _) = await TestStaff.SignInAsync(_first, RoleCatalog.SuperAdmin);
        var target = await TestStaff.CreateAsync(_first, roles);
        var onSecond = TestStaff.ClientWithToken(_second, await TestStaff.SessionAsync(_first, target));
        (await onSecond.GetAsync("/api/me")).EnsureSuccessStatusCode();
        return (admin, target, onSecond);
    }

    [Fact]
    public async Task RemovingARoleOnOneInstance_FailsTheNextCallOnTheOther()
    {
        var (admin, target, onSecond) = await SignedInTargetAsync(RoleCatalog.SupportAgent, RoleCatalog.Auditor);
        (await admin.PutAsJsonAsync($"/api/staff/{target.Id}/roles", new { roles = new[] { RoleCatalog.Auditor }, reason = "moved team" }))
            .EnsureSuccessStatusCode();
        await (await onSecond.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "session_revoked");
    }

    [Fact]
    public async Task SuspendingOnOneInstance_FailsTheNextCallOnTheOther()
    {
        var (admin, target, onSecond) = await SignedInTargetAsync(RoleCatalog.SupportAgent);
        (await admin.PostAsJsonAsync($"/api/staff/{target.Id}/suspend", new { reason = "investigation" })).EnsureSuccessStatusCode();
        await (await onSecond.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "session_revoked");
    }

    [Fact]
    public async Task RevokingSessionsOnOneInstance_FailsTheNextCallOnTheOther()
    {
        var (admin, target, onSecond) = await SignedInTargetAsync(RoleCatalog.SupportAgent);
        (await admin.PostAsJsonAsync($"/api/staff/{target.Id}/sessions/revoke", new { reason = "lost phone" })).EnsureSuccessStatusCode();
        await (await onSecond.GetAsync("/api/me")).AssertProblemAsync(HttpStatusCode.Unauthorized, "session_revoked");
    }

    [Fact]
    public async Task ASessionCreatedUnderAnAccessVersionThatARevocationMoved_IsRefused()
    {
        var sessions = _second.Services.GetRequiredService<ISessionStore>();
        var target = await TestStaff.CreateAsync(_first, RoleCatalog.SupportAgent);
        await TestStaff.SessionAsync(_first, target);
        var readBeforeRevocation = await sessions.GetAccessVersionAsync(target.Id);

        await _first.Services.GetRequiredService<ISessionStore>().RevokeAllAsync(target.Id, DateTimeOffset.UtcNow);

        var now = DateTimeOffset.UtcNow;
        var racing = new StaffSession(SessionTokens.NewId(), target.Id, target.Email, "hash", target.SecurityStamp, now, now, now.AddHours(12), null, null,
            null, target.Roles);
        Assert.False(await sessions.CreateAsync(racing, readBeforeRevocation));
        Assert.Null(await sessions.GetAsync(target.Id, racing.Id));
    }
}
