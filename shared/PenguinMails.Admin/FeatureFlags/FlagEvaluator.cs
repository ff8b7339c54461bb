namespace PenguinMails.Admin.FeatureFlags;

/// <summary>
/// Evaluates a flag for a tenant and user. Precedence: the tenant denylist wins over everything; then the tenant
/// and user allowlists (so named beta testers keep a feature that is off for everyone else); then the enabled
/// switch; then the percentage rollout by tenant bucket. Allocation-free: list lookups are hash lookups, buckets come
/// from the flag's cache, and decisions are shared instances.
/// </summary>
public static class FlagEvaluator
{
    public static FlagDecision Evaluate(CompiledFlag flag, string? tenantId, string? userId)
    {
        if (tenantId is not null && flag.DenyTenants.Contains(tenantId))
        {
            return FlagDecision.DenylistedOff;
        }
        if ((tenantId is not null && flag.AllowTenants.Contains(tenantId)) || (userId is not null && flag.AllowUsers.Contains(userId)))
        {
            return FlagDecision.AllowlistedOn;
        }
        if (!flag.Flag.Enabled)
        {
            return FlagDecision.DisabledOff;
        }
        return flag.Flag.RolloutPercentage switch
        {
            >= 100 => FlagDecision.DefaultOn,
            <= 0 => FlagDecision.DefaultOff,
            // A partial rollout buckets tenants; without a tenant there is nothing to bucket, so the flag is off.
            _ when tenantId is null => FlagDecision.DefaultOff,
            _ => flag.Buckets.Bucket(tenantId) < flag.RolloutThreshold ? FlagDecision.RolloutOn : FlagDecision.RolloutOff,
        };
    }
}
