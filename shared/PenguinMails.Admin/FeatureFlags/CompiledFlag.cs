using System.Collections.Frozen;

namespace PenguinMails.Admin.FeatureFlags;

/// <summary>
/// A flag prepared for evaluation on every request: its lists as frozen hash sets (membership in O(1)), its rollout
/// threshold in buckets, and its bucket cache. Built once per snapshot load.
/// </summary>
public sealed class CompiledFlag
{
    public CompiledFlag(FeatureFlag flag)
    {
        Flag = flag;
        DenyTenants = flag.DenyTenants.ToFrozenSet(StringComparer.Ordinal);
        AllowTenants = flag.AllowTenants.ToFrozenSet(StringComparer.Ordinal);
        AllowUsers = flag.AllowUsers.ToFrozenSet(StringComparer.Ordinal);
        RolloutThreshold = flag.RolloutPercentage * (FlagBucketing.Buckets / 100);
        Buckets = new FlagBucketCache(flag.Key);
    }

    public FeatureFlag Flag { get; }

    public string Key => Flag.Key;

    public FrozenSet<string> DenyTenants { get; }

    public FrozenSet<string> AllowTenants { get; }

    public FrozenSet<string> AllowUsers { get; }

    /// <summary>Tenants whose bucket is below this are in the rollout.</summary>
    public int RolloutThreshold { get; }

    public FlagBucketCache Buckets { get; }
}
