using System.Diagnostics;

namespace PenguinMails.Functions.Tests.Infrastructure;

/// <summary>Runs the built app as a separate process in command-line mode, the way an operator does.</summary>
public static class AppProcess
{
    public static Task<(int ExitCode, string Output, string Error)> RunAsync(string storagePrefix, params string[] args) =>
        RunInAsync(Path.GetTempPath(), new Dictionary<string, string?>
        {
            ["Storage"] = TestEnvironment.StorageConnectionString,
            ["Storage__Prefix"] = storagePrefix,
            ["Storage__NetworkTimeout"] = "00:00:15",
            ["Security__CursorKey"] = TestEnvironment.CursorKey,
            ["Secrets__LocalKey"] = TestEnvironment.SecretsLocalKey,
        }, args);

    /// <summary>Runs in <paramref name="workingDirectory"/> with these environment variables (null removes one).</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunInAsync(string workingDirectory, IDictionary<string, string?> environment,
        params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PenguinMails.Functions.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var (name, value) in environment)
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output, await error);
    }
}
