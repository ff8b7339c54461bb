using System.Diagnostics;

namespace PenguinMails.Functions.Tests.Infrastructure;

/// <summary>Runs the built app as a separate process in command-line mode, the way an operator does.</summary>
public static class AppProcess
{
    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(string storagePrefix, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "PenguinMails.Functions.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["Storage"] = TestEnvironment.StorageConnectionString;
        start.Environment["Storage__Prefix"] = storagePrefix;
        start.Environment["Storage__NetworkTimeout"] = "00:00:15";
        start.Environment["Security__CursorKey"] = TestEnvironment.CursorKey;
        start.Environment["Secrets__LocalKey"] = TestEnvironment.SecretsLocalKey;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(3));
        return (process.ExitCode, await output, await error);
    }
}
