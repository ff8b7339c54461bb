namespace PenguinMails.Admin.Tests.Architecture;

/// <summary>Finds one cycle in each strongly connected component of a directed graph (Tarjan's algorithm).</summary>
internal static class NamespaceCycles
{
    public static IReadOnlyList<IReadOnlyList<string>> Find(IReadOnlyDictionary<string, IEnumerable<string>> edges)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var cycles = new List<IReadOnlyList<string>>();

        void Connect(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            onStack.Add(node);
            foreach (var next in Next(node))
            {
                if (!index.ContainsKey(next))
                {
                    Connect(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (onStack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }
            if (low[node] != index[node])
            {
                return;
            }
            var component = new HashSet<string>();
            string popped;
            do
            {
                popped = stack.Pop();
                onStack.Remove(popped);
                component.Add(popped);
            }
            while (popped != node);
            if (component.Count > 1)
            {
                cycles.Add(CycleThrough(node, component));
            }
        }

        IEnumerable<string> Next(string node) => edges.TryGetValue(node, out var to) ? to.OrderBy(n => n, StringComparer.Ordinal) : [];

        // A shortest way back to the start inside the component (breadth first), so the message names a real loop.
        IReadOnlyList<string> CycleThrough(string start, HashSet<string> component)
        {
            var cameFrom = new Dictionary<string, string>();
            var queue = new Queue<string>([start]);
            while (queue.Count > 0)
            {
                var at = queue.Dequeue();
                foreach (var next in Next(at).Where(component.Contains))
                {
                    if (next == start)
                    {
                        var path = new List<string> { at };
                        while (path[^1] != start)
                        {
                            path.Add(cameFrom[path[^1]]);
                        }
                        path.Reverse();
                        return path;
                    }
                    if (cameFrom.TryAdd(next, at))
                    {
                        queue.Enqueue(next);
                    }
                }
            }
            return [.. component];
        }

        foreach (var node in edges.Keys.OrderBy(n => n, StringComparer.Ordinal))
        {
            if (!index.ContainsKey(node))
            {
                Connect(node);
            }
        }
        return cycles;
    }
}
