using PenguinMails.Admin.FeatureFlags;

namespace PenguinMails.Functions.FeatureFlags;

public sealed record FeatureFlagResponse(string Key, string Description, bool Enabled, int RolloutPercentage, IReadOnlyList<string> AllowTenants,
    IReadOnlyList<string> AllowUsers, IReadOnlyList<string> DenyTenants, DateTimeOffset UpdatedAt)
{
    public static FeatureFlagResponse From(FeatureFlag f) =>
        new(f.Key, f.Description, f.Enabled, f.RolloutPercentage, f.AllowTenants, f.AllowUsers, f.DenyTenants, f.UpdatedAt);
}

public sealed record CreateFlagRequest(string Key, string Description, bool Enabled, int RolloutPercentage, IReadOnlyList<string>? AllowTenants = null,
    IReadOnlyList<string>? AllowUsers = null, IReadOnlyList<string>? DenyTenants = null, string? Reason = null)
{
    public FlagDefinition Definition => new(Description, Enabled, RolloutPercentage, AllowTenants, AllowUsers, DenyTenants);
}

/// <summary>PUT replaces the whole flag, so every field is required (the lists may be empty).</summary>
public sealed record UpdateFlagRequest(string Description, bool Enabled, int RolloutPercentage, IReadOnlyList<string> AllowTenants,
    IReadOnlyList<string> AllowUsers, IReadOnlyList<string> DenyTenants, string? Reason = null)
{
    public FlagDefinition Definition => new(Description, Enabled, RolloutPercentage, AllowTenants, AllowUsers, DenyTenants);
}

public sealed record FlagReasonRequest(string? Reason = null);

public sealed record FlagDecisionResponse(bool Enabled, string Reason);

public sealed record FlagEvaluationResponse(IReadOnlyDictionary<string, FlagDecisionResponse> Flags);
