using PenguinMails.Admin.Common;
using Xunit.Abstractions;

namespace PenguinMails.Admin.Tests.Architecture;

/// <summary>
/// The core is layered: the kernel (Common, Security, Audit, Alerts, Events) under the features, the features in one
/// direction, Compliance on top. These tests fail on the first step back, and say which types made it.
/// </summary>
public sealed class NamespaceCycleTests(ITestOutputHelper output)
{
    private static readonly string[] Kernel = ["Common", "Security", "Audit", "Alerts", "Events"];
    private static readonly NamespaceGraph Graph = NamespaceGraph.Of(typeof(AdminException).Assembly);

    [Fact]
    public void TheCoreNamespaces_FormNoCycle()
    {
        output.WriteLine($"{Graph.Edges.Count} namespaces, {Graph.Edges.Sum(e => e.Value.Count)} edges");
        var cycles = NamespaceCycles.Find(Graph.Edges.ToDictionary(e => e.Key, e => (IEnumerable<string>)e.Value.Keys))
            .Select(Describe)
            .ToList();

        Assert.True(cycles.Count == 0, "Namespaces of the core depend on each other in a cycle:\n" + string.Join("\n", cycles));
    }

    [Fact]
    public void TheKernel_UsesNoFeature()
    {
        var kernel = Kernel.Select(Name).ToHashSet();
        var violations = Graph.Edges
            .Where(e => kernel.Contains(e.Key))
            .SelectMany(e => e.Value.Where(to => !kernel.Contains(to.Key)).Select(to => $"{e.Key} -> {to.Key} ({to.Value})"))
            .ToList();

        Assert.True(violations.Count == 0, "The kernel uses a feature:\n" + string.Join("\n", violations));
    }

    [Fact]
    public void NothingUsesCompliance()
    {
        var compliance = Name("Compliance");
        var violations = Graph.Edges
            .Where(e => e.Value.ContainsKey(compliance))
            .Select(e => $"{e.Key} -> {compliance} ({e.Value[compliance]})")
            .ToList();

        Assert.True(violations.Count == 0, "Compliance is the read-only top layer, yet:\n" + string.Join("\n", violations));
    }

    private static string Name(string feature) => $"PenguinMails.Admin.{feature}";

    private static string Describe(IReadOnlyList<string> cycle) =>
        string.Join(" -> ", cycle.Append(cycle[0])) + "\n" +
        string.Join("\n", cycle.Select((from, i) => $"  {from} -> {cycle[(i + 1) % cycle.Count]}: {Graph.Edges[from][cycle[(i + 1) % cycle.Count]]}"));
}
