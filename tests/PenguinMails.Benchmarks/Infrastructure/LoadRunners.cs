namespace PenguinMails.Benchmarks.Infrastructure;

public static class LoadRunners
{
    public static IReadOnlyList<ILoadRunner> All { get; } = typeof(LoadRunners).Assembly.GetTypes()
        .Where(t => typeof(ILoadRunner).IsAssignableFrom(t) && t is { IsClass: true, IsAbstract: false })
        .Select(t => (ILoadRunner)Activator.CreateInstance(t)!)
        .OrderBy(r => r.Name, StringComparer.Ordinal)
        .ToList();

    public static ILoadRunner? Find(string? name) => All.FirstOrDefault(r => r.Name == name);
}
