using System.Text.Json;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Hosting;

/// <summary>The command-line mode, run as a real process the way an operator or the publish script runs it.</summary>
public sealed class CommandLineTests
{
    private static Task<(int ExitCode, string Output, string Error)> RunAsync(string prefix, params string[] args) =>
        AppProcess.RunAsync(prefix, args);

    [Fact]
    public async Task EmitFunctionMetadata_WritesValidFunctionJsonForEveryKind()
    {
        var dir = Directory.CreateTempSubdirectory("pm-emit-").FullName;
        var (exit, output, error) = await RunAsync(TestEnvironment.NewStoragePrefix(), "emit-function-metadata", dir);
        Assert.True(exit == 0, output + error);
        Assert.True(File.Exists(Path.Combine(dir, "host.json")));
        var types = Directory.GetFiles(dir, "function.json", SearchOption.AllDirectories)
            .Select(f => JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("bindings")[0].GetProperty("type").GetString())
            .ToHashSet();
        Assert.Contains("httpTrigger", types);
        Assert.Contains("timerTrigger", types);
        Assert.Contains("queueTrigger", types);
    }

    [Fact]
    public async Task RunTimer_RunsOneTimerNowAndExits()
    {
        var (exit, output, error) = await RunAsync(TestEnvironment.NewStoragePrefix(), "run-timer", "SweepExpiredSessions");
        Assert.True(exit == 0, output + error);
        Assert.Contains("Deleted 0 dead sessions.", output);
    }

    [Fact]
    public async Task RunTimer_RefusesAnUnknownFunction()
    {
        var (exit, _, error) = await RunAsync(TestEnvironment.NewStoragePrefix(), "run-timer", "NoSuchTimer");
        Assert.Equal(2, exit);
        Assert.Contains("not a timer function", error);
    }

    [Fact]
    public async Task BootstrapAdmin_PrintsATokenOnceThenRefuses()
    {
        var prefix = TestEnvironment.NewStoragePrefix();
        var (exit, output, error) = await RunAsync(prefix, "bootstrap-admin", "--email", "first@penguinmails.test");
        Assert.True(exit == 0, output + error);
        Assert.Matches(@"pms_[0-9a-f]+\.[0-9a-f]+\.[A-Za-z0-9_-]{43}", output);

        var (again, _, refusal) = await RunAsync(prefix, "bootstrap-admin", "--email", "second@penguinmails.test");
        Assert.Equal(1, again);
        Assert.Contains("already exists", refusal);
    }
}
