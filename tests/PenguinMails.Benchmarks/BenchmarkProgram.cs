using BenchmarkDotNet.Running;

namespace PenguinMails.Benchmarks;

/// <summary>
/// `dotnet run -c Release -- &lt;load runner&gt; [options]` runs a load measurement against Azurite (see
/// <see cref="LoadRunners"/>); anything else goes to BenchmarkDotNet's switcher (`-- --filter *`).
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        if (args.Length > 0 && LoadRunners.Find(args[0]) is { } runner)
        {
            return await runner(args[1..]);
        }
        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
