using System.Collections.Concurrent;
using System.Diagnostics;

namespace PenguinMails.Benchmarks.LoadRunners;

/// <summary>
/// Counts the process's outgoing HTTP requests by method and target (the table, queue or container, with the
/// task hub's and the run's prefix cut off), from HttpClient's own activities, to show where storage calls go.
/// </summary>
public sealed class StorageCallBreakdown : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<string, int> _counts = new(StringComparer.Ordinal);

    public StorageCallBreakdown(string prefix)
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "System.Net.Http",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
            ActivityStopped = activity =>
            {
                if (activity.GetTagItem("url.full") is string url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
                {
                    var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
                    var target = segments.Length > 1 ? segments[1] : uri.AbsolutePath;
                    target = target.Split('(')[0].Replace(prefix, "", StringComparison.OrdinalIgnoreCase);
                    var batch = target.StartsWith("$batch", StringComparison.Ordinal) ? "$batch" : target;
                    _counts.AddOrUpdate($"{activity.GetTagItem("http.request.method")} {batch}", 1, (_, n) => n + 1);
                }
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>The targets with the most calls first.</summary>
    public IEnumerable<(string Target, int Calls)> Top(int count) =>
        _counts.OrderByDescending(c => c.Value).Take(count).Select(c => (c.Key, c.Value));

    public void Dispose() => _listener.Dispose();
}
