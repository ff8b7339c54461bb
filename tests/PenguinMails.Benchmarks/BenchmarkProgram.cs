using BenchmarkDotNet.Running;

namespace PenguinMails.Benchmarks;

public static class BenchmarkProgram
{
    public static void Main(string[] args)
    {
        // Load runners measure the running app end to end; everything else is BenchmarkDotNet.
        if (args is ["workflows", .. var rest])
        {
            Workflows.WorkflowLoadRunner.RunAsync(rest).GetAwaiter().GetResult();
            return;
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
    }
}
