using System.Diagnostics;
using System.Text.Json;

namespace PenguinMails.Functions.Tests.Hosting;

/// <summary>
/// Checks the zip-deployable folder from `./dev.sh publish`. The test command publishes first and passes the
/// folder in PENGUINMAILS_PUBLISH_DIR; run alone, the test publishes by itself.
/// </summary>
public sealed class PublishLayoutTests
{
    [Fact]
    public async Task PublishFolder_HoldsTheSelfContainedHandlerHostJsonAndEveryFunctionJson()
    {
        var dir = Environment.GetEnvironmentVariable("PENGUINMAILS_PUBLISH_DIR");
        if (string.IsNullOrEmpty(dir) || !Directory.Exists(dir))
        {
            dir = Path.Combine(Path.GetTempPath(), "pm-publish-" + Guid.NewGuid().ToString("N")[..8]);
            await PublishAsync(dir);
        }
        var handler = Path.Combine(dir, "PenguinMails.Functions");
        Assert.True(File.Exists(handler), "the handler executable is missing");
        Assert.True(OperatingSystem.IsWindows() || File.GetUnixFileMode(handler).HasFlag(UnixFileMode.UserExecute));
        Assert.True(File.Exists(Path.Combine(dir, "libhostfxr.so")), "the handler is not self-contained");
        var host = JsonDocument.Parse(File.ReadAllText(Path.Combine(dir, "host.json"))).RootElement;
        Assert.Equal("PenguinMails.Functions", host.GetProperty("customHandler").GetProperty("description").GetProperty("defaultExecutablePath").GetString());
        var functions = Directory.GetDirectories(dir).Where(d => File.Exists(Path.Combine(d, "function.json"))).Select(Path.GetFileName).ToList();
        Assert.Contains("GetHealth", functions);
        Assert.Contains("SweepExpiredSessions", functions);
        Assert.Contains("RebuildAuditIndex", functions);
        Assert.False(File.Exists(Path.Combine(dir, "local.settings.json")), "local settings must never be deployed");
    }

    private static async Task PublishAsync(string dir)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "dev.sh")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }
        using var process = Process.Start(new ProcessStartInfo(Path.Combine(root, "scripts", "publish.sh"), dir) { WorkingDirectory = root })!;
        await process.WaitForExitAsync();
        Assert.Equal(0, process.ExitCode);
    }
}
