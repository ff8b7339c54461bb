using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Staff;

/// <summary>Journey 5's "immediate invalidation": the 202 of an offboarding comes after every session stopped working.</summary>
public sealed class OffboardingRevocationTests : IDisposable
{
    private const int Clients = 4;
    private readonly AdminAppFactory _factory = new();

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task NoCallStartedAfterTheOffboardingsAccepted_Succeeds_WhileTheSessionIsHammered()
    {
        var (admin, _) = await TestStaff.SignInAsync(_factory, RoleCatalog.Admin);
        var target = await TestStaff.CreateAsync(_factory, RoleCatalog.SupportAgent);
        var token = await TestStaff.SessionAsync(_factory, target);
        var calls = new ConcurrentBag<(long Started, HttpStatusCode Status)>();
        long acceptedAt = long.MaxValue;
        using var stop = new CancellationTokenSource();

        async Task HammerAsync()
        {
            using var client = TestStaff.ClientWithToken(_factory, token);
            var afterAccepted = 0;
            while (!stop.IsCancellationRequested && afterAccepted < 20)
            {
                var started = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync("/api/me");
                calls.Add((started, response.StatusCode));
                afterAccepted += started > Interlocked.Read(ref acceptedAt) ? 1 : 0;
            }
        }

        var hammers = Enumerable.Range(0, Clients).Select(_ => Task.Run(HammerAsync)).ToList();
        await Eventually.TrueAsync(() => Task.FromResult(calls.Count(c => c.Status == HttpStatusCode.OK) >= Clients), because: "The hammers never got in.");
        var response = await admin.PostAsJsonAsync($"/api/staff/{target.Id}/offboard", new { reason = "Left the company" });
        Interlocked.Exchange(ref acceptedAt, Stopwatch.GetTimestamp());
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        stop.CancelAfter(TimeSpan.FromSeconds(30));
        await Task.WhenAll(hammers);

        var after = calls.Where(c => c.Started > acceptedAt).ToList();
        Assert.True(after.Count >= Clients * 20, $"Only {after.Count} calls started after the 202.");
        Assert.All(after, c => Assert.Equal(HttpStatusCode.Unauthorized, c.Status));
    }
}
