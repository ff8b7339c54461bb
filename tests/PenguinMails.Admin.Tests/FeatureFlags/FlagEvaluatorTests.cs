using PenguinMails.Admin.FeatureFlags;

namespace PenguinMails.Admin.Tests.FeatureFlags;

public sealed class FlagEvaluatorTests
{
    private static CompiledFlag Flag(bool enabled = true, int percentage = 100, string[]? allowTenants = null, string[]? allowUsers = null,
        string[]? denyTenants = null) =>
        new(new FeatureFlag("beta", "", enabled, percentage, allowTenants ?? [], allowUsers ?? [], denyTenants ?? [], DateTimeOffset.UnixEpoch));

    [Fact]
    public void Denylist_BeatsAllowlist() =>
        Assert.Equal(new FlagDecision(false, "denylisted"), FlagEvaluator.Evaluate(Flag(allowUsers: ["u1"], denyTenants: ["t1"]), "t1", "u1"));

    [Fact]
    public void Allowlists_BeatTheDisabledSwitch()
    {
        Assert.Equal(new FlagDecision(true, "allowlisted"), FlagEvaluator.Evaluate(Flag(enabled: false, allowTenants: ["t1"]), "t1", null));
        Assert.Equal(new FlagDecision(true, "allowlisted"), FlagEvaluator.Evaluate(Flag(enabled: false, allowUsers: ["u1"]), "t2", "u1"));
    }

    [Fact]
    public void Disabled_BeatsRollout() =>
        Assert.Equal(new FlagDecision(false, "disabled"), FlagEvaluator.Evaluate(Flag(enabled: false), "t1", "u1"));

    [Fact]
    public void FullAndZeroRollouts_AreTheDefault()
    {
        Assert.Equal(new FlagDecision(true, "default"), FlagEvaluator.Evaluate(Flag(percentage: 100), "t1", null));
        Assert.Equal(new FlagDecision(false, "default"), FlagEvaluator.Evaluate(Flag(percentage: 0), "t1", null));
    }

    [Fact]
    public void PartialRollout_UsesTheTenantBucket_AndIsOffWithoutATenant()
    {
        var flag = Flag(percentage: 50);
        Assert.Equal(new FlagDecision(FlagBucketing.IsInRollout("beta", "t1", 50), "rollout"), FlagEvaluator.Evaluate(flag, "t1", "u1"));
        Assert.Equal(new FlagDecision(false, "default"), FlagEvaluator.Evaluate(flag, null, "u1"));
    }

    [Fact]
    public void FullLists_AreMatchedExactly()
    {
        var allowed = Enumerable.Range(0, 1000).Select(i => $"tenant-{i}").ToArray();
        var flag = Flag(enabled: false, allowTenants: allowed, denyTenants: ["tenant-x"]);
        Assert.Equal(new FlagDecision(true, "allowlisted"), FlagEvaluator.Evaluate(flag, "tenant-999", null));
        Assert.Equal(new FlagDecision(false, "disabled"), FlagEvaluator.Evaluate(flag, "TENANT-999", null));
        Assert.Equal(new FlagDecision(false, "denylisted"), FlagEvaluator.Evaluate(flag, "tenant-x", null));
    }

    [Fact]
    public void CachedBuckets_AreTheComputedBuckets_BeyondTheCacheCapacityToo()
    {
        var flag = Flag(percentage: 37);
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < FlagBucketCache.Capacity + 500; i++)
            {
                var tenant = $"t{i}";
                Assert.Equal(FlagBucketing.IsInRollout("beta", tenant, 37), FlagEvaluator.Evaluate(flag, tenant, null).Enabled);
                Assert.Equal(FlagBucketing.Bucket("beta", tenant), flag.Buckets.Bucket(tenant));
            }
        }
    }
}
