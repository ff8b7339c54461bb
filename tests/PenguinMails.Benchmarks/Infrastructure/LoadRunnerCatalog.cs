namespace PenguinMails.Benchmarks.Infrastructure;

/// <summary>Finds load runners by name, so BenchmarkProgram needs no change when one is added.</summary>
public static class LoadRunnerCatalog
{
    public static IReadOnlyList<ILoadRunner> All { get; } = typeof(LoadRunnerCatalog).Assembly.GetTypes()
        .Where(t => typeof(ILoadRunner).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .Select(t => (ILoadRunner)Activator.CreateInstance(t)!)
        .OrderBy(r => r.Name, StringComparer.Ordinal)
        .ToList();

    public static ILoadRunner? Find(string? name) => All.FirstOrDefault(r => r.Name == name);
}
