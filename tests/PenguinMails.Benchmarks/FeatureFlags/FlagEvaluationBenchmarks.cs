using BenchmarkDotNet.Attributes;
using PenguinMails.Admin.FeatureFlags;

namespace PenguinMails.Benchmarks.FeatureFlags;

/// <summary>
/// The CPU cost of evaluating flags per request, from compiled snapshot flags (no I/O). EvaluateFiftyFlags reports
/// per flag (OperationsPerInvoke = 50). Bucket is the SHA-256 bucketing itself: what a flag pays the first time it
/// sees a tenant, before its bucket cache holds it.
/// Run: dotnet run -c Release --project tests/PenguinMails.Benchmarks -- --filter '*Flag*'
/// </summary>
[MemoryDiagnoser]
public class FlagEvaluationBenchmarks
{
    private CompiledFlag _rollout = null!;
    private CompiledFlag _allowlisted = null!;
    private CompiledFlag _denylisted = null!;
    private CompiledFlag[] _fifty = null!;
    private string[] _tenants = null!;
    private int _tenant;

    [GlobalSetup]
    public void Setup()
    {
        var thousand = Enumerable.Range(0, 1000).Select(i => $"tenant-{i}").ToList();
        _tenants = Enumerable.Range(0, 1000).Select(i => Guid.NewGuid().ToString("N")[..24]).ToArray();
        var rollout = new FeatureFlag("new-editor", "", true, 30, [], [], ["tenant-x"], DateTimeOffset.UnixEpoch);
        _rollout = new CompiledFlag(rollout);
        _allowlisted = new CompiledFlag(rollout with { AllowTenants = thousand });
        _denylisted = new CompiledFlag(rollout with { DenyTenants = thousand });
        _fifty = Enumerable.Range(0, 50)
            .Select(i => new CompiledFlag(rollout with { Key = $"flag-{i}", RolloutPercentage = i * 2, Enabled = i % 7 != 0 })).ToArray();
    }

    // Ids are made up front, so the figures are the evaluation's own cost and allocations.
    private string NextTenant() => _tenants[_tenant++ % _tenants.Length];

    [Benchmark(Baseline = true)]
    public int Bucket() => FlagBucketing.Bucket("new-editor", NextTenant());

    [Benchmark]
    public FlagDecision EvaluateRolloutFlag() => FlagEvaluator.Evaluate(_rollout, NextTenant(), "user-1");

    [Benchmark]
    public FlagDecision EvaluateAllowlistedFlag() => FlagEvaluator.Evaluate(_allowlisted, "tenant-999", "user-1");

    [Benchmark]
    public FlagDecision EvaluateDenylistedFlag() => FlagEvaluator.Evaluate(_denylisted, "tenant-999", "user-1");

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
