namespace PenguinMails.Admin.FeatureFlags;

/// <summary>
/// Evaluates a flag for a tenant and user. Precedence: the tenant denylist wins over everything; then the tenant
/// and user allowlists (so named beta testers keep a feature that is off for everyone else); then the enabled
/// switch; then the percentage rollout by tenant bucket.
/// </summary>
public static class FlagEvaluator
{
    public static FlagDecision Evaluate(FeatureFlag flag, string? tenantId, string? userId)
    {
        if (tenantId is not null && flag.DenyTenants.Contains(tenantId))
        {
            return new FlagDecision(false, FlagDecision.Denylisted);
        }
        if ((tenantId is not null && flag.AllowTenants.Contains(tenantId)) || (userId is not null && flag.AllowUsers.Contains(userId)))
        {
            return new FlagDecision(true, FlagDecision.Allowlisted);
        }
        if (!flag.Enabled)
        {
            return new FlagDecision(false, FlagDecision.Disabled);
        }
        return flag.RolloutPercentage switch
        {
            >= 100 => new FlagDecision(true, FlagDecision.Default),
            <= 0 => new FlagDecision(false, FlagDecision.Default),
            // A partial rollout buckets tenants; without a tenant there is nothing to bucket, so the flag is off.
            _ when tenantId is null => new FlagDecision(false, FlagDecision.Default),
            _ => new FlagDecision(FlagBucketing.IsInRollout(flag.Key, tenantId, flag.RolloutPercentage), FlagDecision.Rollout),
        };
    }
}
