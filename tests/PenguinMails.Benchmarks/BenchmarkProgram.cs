using BenchmarkDotNet.Running;
using PenguinMails.Benchmarks.Infrastructure;
using PenguinMails.Benchmarks.LoadRunners;

namespace PenguinMails.Benchmarks;

/// <summary>
/// `dotnet run -c Release --project tests/PenguinMails.Benchmarks -- &lt;load-runner&gt;` runs a load runner against Azurite
/// (PENGUINMAILS_TEST_STORAGE, default UseDevelopmentStorage=true) and prints figures; anything else goes to BenchmarkDotNet.
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var runner = Infrastructure.LoadRunners.Find(args.FirstOrDefault());
        if (runner is not null)
        {
            await runner.RunAsync(args.Skip(1).ToArray());
            return 0;
        }
        if (await LoadRunnerCatalog.TryRunAsync(args))
        {
            return 0;
        }
        if (args.Length == 0)
        {
            Console.WriteLine("Load runners: " + string.Join(", ", Infrastructure.LoadRunners.All.Select(r => r.Name)) + "; and `load <name>` (see docs/users.md)");
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
