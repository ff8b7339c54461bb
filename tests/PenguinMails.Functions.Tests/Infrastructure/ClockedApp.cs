using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace PenguinMails.Functions.Tests.Infrastructure;

/// <summary>
/// The real app on a fake clock, wired to a real OIDC issuer over HTTP, so tests place activity (sign-ins, staff changes)
/// at chosen times and then report on it. ID tokens are checked against the real clock, everything else uses the fake one.
/// </summary>
public sealed class ClockedApp : IAsyncDisposable
{
    private ClockedApp(FakeOidcIssuer issuer, FakeTimeProvider clock, AdminAppFactory app)
    {
        Issuer = issuer;
        Clock = clock;
        App = app;
    }

    public FakeOidcIssuer Issuer { get; }
    public FakeTimeProvider Clock { get; }
    public AdminAppFactory App { get; }

    public static async Task<ClockedApp> StartAsync(DateTimeOffset start, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? services = null)
    {
        var issuer = await FakeOidcIssuer.StartAsync();
        var all = issuer.AppSettings();
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            all[key] = value;
        }
        var clock = new FakeTimeProvider(start);
        var app = new Factory(all) { Time = clock };
        if (services is not null)
        {
            app.WithServices(services);
        }
        _ = app.Server;
        return new ClockedApp(issuer, clock, app);
    }

    public T Service<T>() where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Moves the clock to <paramref name="time"/> (never backwards).</summary>
    public void At(DateTimeOffset time)
    {
        if (time > Clock.GetUtcNow())
        {
            Clock.SetUtcNow(time);
        }
    }

    /// <summary>A client with a new session for <paramref name="member"/>, issued at the clock's current time.</summary>
    public async Task<HttpClient> ClientAsync(PenguinMails.Admin.Staff.StaffMember member) =>
        TestStaff.ClientWithToken(App, await TestStaff.SessionAsync(App, member));

    /// <summary>Signs in through POST /api/auth/google from <paramref name="ip"/> with <paramref name="userAgent"/>.</summary>
    public async Task<HttpResponseMessage> SignInAsync(string email, string ip = "203.0.113.10", string userAgent = "tests", string? idToken = null)
    {
        var client = App.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
        client.DefaultRequestHeaders.UserAgent.ParseAdd(userAgent);
        return await client.PostAsJsonAsync("/api/auth/google", new { idToken = idToken ?? Issuer.IdToken(email) });
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Issuer.DisposeAsync();
    }

    private sealed class Factory(IDictionary<string, string?> settings) : AdminAppFactory(settings);
}
