using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PenguinMails.Benchmarks.Infrastructure;

/// <summary>The real app in process on Azurite, with its own storage prefix, for load runners.</summary>
public sealed class BenchmarkApp : WebApplicationFactory<Program>
{
    public static string Storage =>
        Environment.GetEnvironmentVariable("PENGUINMAILS_TEST_STORAGE") is { Length: > 0 } value ? value : "UseDevelopmentStorage=true";

    static BenchmarkApp() =>
        // WebApplicationFactory looks for the app's project folder; the app needs no content files, so the output folder will do.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_PENGUINMAILS_FUNCTIONS", AppContext.BaseDirectory);

    public string Prefix { get; } = "b" + Guid.NewGuid().ToString("N")[..10];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage", Storage);
        builder.UseSetting("Storage:Prefix", Prefix);
        builder.UseSetting("Security:CursorKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Triggers:RunLocally", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
