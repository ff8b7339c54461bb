using BenchmarkDotNet.Running;
using PenguinMails.Benchmarks.LoadRunners;

namespace PenguinMails.Benchmarks;

public static class BenchmarkProgram
{
    public static async Task Main(string[] args)
    {
        if (!await LoadRunnerCatalog.TryRunAsync(args))
        {
            BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        }
    }
}
