using BenchmarkDotNet.Running;
using PenguinMails.Benchmarks.Billing;

namespace PenguinMails.Benchmarks;

public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["webhook-load", ..])
        {
            return await WebhookLoadRunner.RunAsync(args[1..]);
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
