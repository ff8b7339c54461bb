namespace PenguinMails.Admin.FeatureFlags;

/// <summary>
/// A feature flag: an enabled switch, a percentage rollout by tenant, allowlists of tenants and users, and a
/// denylist of tenants. <see cref="FlagEvaluator"/> says how they combine.
/// </summary>
public sealed record FeatureFlag(
    string Key,
    string Description,
    bool Enabled,
    int RolloutPercentage,
    IReadOnlyList<string> AllowTenants,
    IReadOnlyList<string> AllowUsers,
    IReadOnlyList<string> DenyTenants,
    DateTimeOffset UpdatedAt);
