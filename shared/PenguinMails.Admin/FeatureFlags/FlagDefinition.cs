namespace PenguinMails.Admin.FeatureFlags;

/// <summary>What a caller sets on a flag (everything but the key and the update time).</summary>
public sealed record FlagDefinition(
    string? Description,
    bool Enabled,
    int RolloutPercentage,
    IReadOnlyList<string>? AllowTenants,
    IReadOnlyList<string>? AllowUsers,
    IReadOnlyList<string>? DenyTenants);
