using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace PenguinMails.Functions.Tests.Infrastructure;

/// <summary>
/// The real app in process, on real Azurite. Each factory gets its own table/queue prefix, so test classes
/// run in parallel without seeing each other's data.
/// </summary>
public class AdminAppFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly List<Action<IServiceCollection>> _services = [];

    public AdminAppFactory()
        : this(null)
    {
    }

    protected AdminAppFactory(IDictionary<string, string?>? settings)
    {
        StoragePrefix = TestEnvironment.NewStoragePrefix();
        _settings = new Dictionary<string, string?>
        {
            ["Storage"] = TestEnvironment.StorageConnectionString,
            ["Storage:Prefix"] = StoragePrefix,
            ["Security:CursorKey"] = TestEnvironment.CursorKey,
            ["Secrets:LocalKey"] = TestEnvironment.SecretsLocalKey,
            ["Auth:Oidc:HostedDomain"] = "penguinmails.test",
            ["Triggers:RunLocally"] = "false",
            // The test app is configured here alone, never by a developer's local.settings.json from `./dev.sh run`.
            ["LocalSettings:Load"] = "false",
            ["Http:TrustForwardedHeaders"] = "true",
            // Many apps share two loaded cores in a test run; the production bound (2 s a try) would time out on CPU starvation.
            ["Storage:NetworkTimeout"] = "00:00:15",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public static AdminAppFactory WithSettings(IDictionary<string, string?> settings) => new(settings);

    public string StoragePrefix { get; }

    /// <summary>Set to control time (session expiry, throttling windows, timers).</summary>
    public FakeTimeProvider? Time { get; init; }

    public AdminAppFactory WithServices(Action<IServiceCollection> configure)
    {
        _services.Add(configure);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        // UseSetting (not ConfigureAppConfiguration) so Program sees the values while it registers services.
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services =>
        {
            if (Time is not null)
            {
                services.AddSingleton<TimeProvider>(Time);
            }
            foreach (var configure in _services)
            {
                configure(services);
            }
        });
    }
}
