using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace PenguinMails.Benchmarks.Workflows;

/// <summary>The real app in process on Azurite, with the local trigger runner on, in its own storage prefix.</summary>
public sealed class BenchmarkApp : WebApplicationFactory<Program>
{
    public string Prefix { get; } = "bench" + Guid.NewGuid().ToString("N")[..8];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var storage = Environment.GetEnvironmentVariable("PENGUINMAILS_TEST_STORAGE") is { Length: > 0 } value ? value : "UseDevelopmentStorage=true";
        // Run from any directory: the factory would otherwise guess the content root from the working directory.
        builder.UseContentRoot(AppContext.BaseDirectory);
        builder.UseEnvironment("Production");
        builder.UseSetting("Storage", storage);
        builder.UseSetting("Storage:Prefix", Prefix);
        builder.UseSetting("Security:CursorKey", Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        builder.UseSetting("Auth:Oidc:HostedDomain", "penguinmails.test");
        builder.UseSetting("Triggers:RunLocally", "true");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
