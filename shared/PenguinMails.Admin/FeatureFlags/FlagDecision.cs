namespace PenguinMails.Admin.FeatureFlags;

/// <summary>The value of one flag for one tenant and user, and why.</summary>
public sealed record FlagDecision(bool Enabled, string Reason)
{
    public const string Disabled = "disabled";
    public const string Denylisted = "denylisted";
    public const string Allowlisted = "allowlisted";
    public const string Rollout = "rollout";
    public const string Default = "default";

    // Every possible decision exists once, so evaluating a flag allocates nothing.
    public static readonly FlagDecision DenylistedOff = new(false, Denylisted);
    public static readonly FlagDecision AllowlistedOn = new(true, Allowlisted);
    public static readonly FlagDecision DisabledOff = new(false, Disabled);
    public static readonly FlagDecision DefaultOn = new(true, Default);
    public static readonly FlagDecision DefaultOff = new(false, Default);
    public static readonly FlagDecision RolloutOn = new(true, Rollout);
    public static readonly FlagDecision RolloutOff = new(false, Rollout);
}
