using System.Text.Json;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Hosting;

/// <summary>
/// The command line as an operator meets it: run from the project folder (what `dotnet run --project` does) it reads the
/// repository root's local.settings.json; without storage every command answers one line, not a stack trace.
/// </summary>
public sealed class CommandLineSettingsTests
{
    private const string Hint = "start `./dev.sh run` first, or set Storage";

    // Port 1 on loopback: nothing listens there, so every storage call is refused.
    private const string UnreachableStorage = "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;"
        + "AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;"
        + "BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;QueueEndpoint=http://127.0.0.1:1/devstoreaccount1;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;";

    [Fact]
    public async Task FromTheProjectFolder_BootstrapAdminReadsTheRepositoryRootsLocalSettings_AndPrintsNoLogLines()
    {
        var root = Directory.CreateTempSubdirectory("pm-repo-").FullName;
        var project = Directory.CreateDirectory(Path.Combine(root, "functions", "PenguinMails.Functions")).FullName;
        await File.WriteAllTextAsync(Path.Combine(root, "PenguinMails.Functions.sln"), "");
        await File.WriteAllTextAsync(Path.Combine(project, "PenguinMails.Functions.csproj"), "<Project />");
        var values = new Dictionary<string, string>
        {
            ["Storage"] = TestEnvironment.StorageConnectionString,
            ["Storage__Prefix"] = TestEnvironment.NewStoragePrefix(),
            ["Security__CursorKey"] = TestEnvironment.CursorKey,
            ["Secrets__LocalKey"] = TestEnvironment.SecretsLocalKey,
        };
        await File.WriteAllTextAsync(Path.Combine(root, "local.settings.json"), JsonSerializer.Serialize(new { IsEncrypted = false, Values = values }));

        var (exit, output, error) = await AppProcess.RunInAsync(project, WithoutStorageSettings(), "bootstrap-admin", "--email", "root@penguinmails.test");

        Assert.True(exit == 0, output + error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("Created super-admin root@penguinmails.test", lines[0]);
        Assert.Matches(@"^pms_[0-9a-f]+\.[0-9a-f]+\.[A-Za-z0-9_-]{43}$", lines[1]);
    }

    [Fact]
    public async Task WithoutAStorageSetting_ACommandSaysSoInOneLine()
    {
        var empty = Directory.CreateTempSubdirectory("pm-nosettings-").FullName;

        var (exit, output, error) = await AppProcess.RunInAsync(empty, WithoutStorageSettings(), "bootstrap-admin", "--email", "a@penguinmails.test");

        AssertOneLineError(exit, output, error, "Storage is not configured");
    }

    [Theory]
    [InlineData("bootstrap-admin", "--email", "a@penguinmails.test")]
    [InlineData("run-timer", "SweepExpiredSessions", null)]
    [InlineData("verify-audit", "--from", "2026-12-01T00:00:00Z")]
    public async Task WhenStorageIsUnreachable_ACommandSaysSoInOneLine_WithoutAStackTrace(string command, string first, string? second)
    {
        var environment = WithoutStorageSettings();
        environment["Storage"] = UnreachableStorage;
        environment["Security__CursorKey"] = TestEnvironment.CursorKey;
        environment["Secrets__LocalKey"] = TestEnvironment.SecretsLocalKey;
        string[] args = second is null ? [command, first] : [command, first, second];

        var (exit, output, error) = await AppProcess.RunInAsync(Path.GetTempPath(), environment, args);

        AssertOneLineError(exit, output, error, "Storage is not reachable");
    }

    [Fact]
    public async Task WithAnAccountNameButNoCredential_ACommandSaysSoInOneLine()
    {
        var environment = WithoutStorageSettings();
        environment["Storage__AccountName"] = "penguinmailsnosuchaccount";
        environment["Security__CursorKey"] = TestEnvironment.CursorKey;
        environment["Secrets__LocalKey"] = TestEnvironment.SecretsLocalKey;
        foreach (var name in new[] { "AZURE_CLIENT_ID", "AZURE_TENANT_ID", "AZURE_CLIENT_SECRET", "AZURE_FEDERATED_TOKEN_FILE", "IDENTITY_ENDPOINT", "MSI_ENDPOINT" })
        {
            environment[name] = null;
        }

        var (exit, output, error) = await AppProcess.RunInAsync(Path.GetTempPath(), environment, "verify-audit");

        AssertOneLineError(exit, output, error, "Storage credentials are not available");
    }

    private static void AssertOneLineError(int exit, string output, string error, string expected)
    {
        Assert.True(exit == 1, $"exit {exit}: {output}{error}");
        Assert.Equal("", output);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.StartsWith("error: " + expected, line);
        Assert.Contains(Hint, line);
    }

    private static Dictionary<string, string?> WithoutStorageSettings() => new()
    {
        ["Storage"] = null, ["Storage__AccountName"] = null, ["Storage__Prefix"] = null, ["Security__CursorKey"] = null, ["Secrets__LocalKey"] = null,
    };
}
