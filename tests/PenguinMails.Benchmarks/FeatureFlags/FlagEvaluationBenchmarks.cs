using BenchmarkDotNet.Attributes;
using PenguinMails.Admin.FeatureFlags;

namespace PenguinMails.Benchmarks.FeatureFlags;

/// <summary>
/// The CPU cost of evaluating flags per request, from the in-memory snapshot (no I/O). Divide EvaluateFiftyFlags by 50
/// for nanoseconds per flag. Run: dotnet run -c Release --project tests/PenguinMails.Benchmarks -- --filter *FlagEvaluation*
/// </summary>
[MemoryDiagnoser]
public class FlagEvaluationBenchmarks
{
    private FeatureFlag _rollout = null!;
    private FeatureFlag _allowlisted = null!;
    private List<FeatureFlag> _fifty = null!;
    private int _tenant;

    [GlobalSetup]
    public void Setup()
    {
        var tenants = Enumerable.Range(0, 200).Select(i => $"tenant-{i}").ToList();
        _tenants = Enumerable.Range(0, 1000).Select(i => Guid.NewGuid().ToString("N")[..24]).ToArray();
        _rollout = new FeatureFlag("new-editor", "", true, 30, [], [], ["tenant-x"], DateTimeOffset.UnixEpoch);
        _allowlisted = _rollout with { AllowTenants = tenants };
        _fifty = Enumerable.Range(0, 50).Select(i => _rollout with { Key = $"flag-{i}", RolloutPercentage = i * 2, Enabled = i % 7 != 0 }).ToList();
    }

    private string[] _tenants = null!;

    // Ids are made up front, so the figures are the evaluation's own cost and allocations.
    private string NextTenant() => _tenants[_tenant++ % _tenants.Length];

    [Benchmark(Baseline = true)]
    public int Bucket() => FlagBucketing.Bucket("new-editor", NextTenant());

    [Benchmark]
    public FlagDecision EvaluateRolloutFlag() => FlagEvaluator.Evaluate(_rollout, NextTenant(), "user-1");

    [Benchmark]
    public FlagDecision EvaluateAllowlistedFlag() => FlagEvaluator.Evaluate(_allowlisted, "tenant-150", "user-1");

    [Benchmark(OperationsPerInvoke = 50)]
    public int EvaluateFiftyFlags()
    {
        var tenant = NextTenant();
        var on = 0;
        foreach (var flag in _fifty)
        {
            on += FlagEvaluator.Evaluate(flag, tenant, "user-1").Enabled ? 1 : 0;
        }
        return on;
    }
}
