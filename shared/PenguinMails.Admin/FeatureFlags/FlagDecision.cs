namespace PenguinMails.Admin.FeatureFlags;

/// <summary>The value of one flag for one tenant and user, and why.</summary>
public sealed record FlagDecision(bool Enabled, string Reason)
{
    public const string Disabled = "disabled";
    public const string Denylisted = "denylisted";
    public const string Allowlisted = "allowlisted";
    public const string Rollout = "rollout";
    public const string Default = "default";
}
