namespace PenguinMails.Benchmarks.LoadRunners;

/// <summary>Finds load runners by name, so BenchmarkProgram needs no change when one is added.</summary>
public static class LoadRunnerCatalog
{
    public static IReadOnlyList<ILoadRunner> All { get; } = typeof(LoadRunnerCatalog).Assembly.GetTypes()
        .Where(t => typeof(ILoadRunner).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .Select(t => (ILoadRunner)Activator.CreateInstance(t)!).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();

    /// <summary>Runs `load &lt;name&gt; [args]`; returns false when the arguments are not a load run.</summary>
    public static async Task<bool> TryRunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] != "load")
        {
            return false;
        }
        var runner = args.Length > 1 ? All.FirstOrDefault(r => r.Name == args[1]) : null;
        if (runner is null)
        {
            Console.WriteLine("Load runners: " + string.Join(", ", All.Select(r => r.Name)));
            return true;
        }
        await runner.RunAsync(args[2..]);
        return true;
    }
}
