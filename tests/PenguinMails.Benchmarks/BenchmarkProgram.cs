using BenchmarkDotNet.Running;
using PenguinMails.Benchmarks.Infrastructure;

namespace PenguinMails.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project tests/PenguinMails.Benchmarks -- &lt;load-runner&gt; [args]` (or `-- load &lt;load-runner&gt;`)
/// runs a load runner against Azurite (PENGUINMAILS_TEST_STORAGE, default UseDevelopmentStorage=true) and prints figures;
/// anything else goes to BenchmarkDotNet.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var loadArgs = args.FirstOrDefault() == "load" ? args[1..] : args;
        var runner = LoadRunnerCatalog.Find(loadArgs.FirstOrDefault());
        if (runner is not null)
        {
            await runner.RunAsync(loadArgs[1..]);
            return 0;
        }
        if (args.Length == 0 || args[0] == "load")
        {
            Console.WriteLine("Load runners: " + string.Join(", ", LoadRunnerCatalog.All.Select(r => r.Name)));
            if (args.Length > 0)
            {
                return 2;
            }
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
