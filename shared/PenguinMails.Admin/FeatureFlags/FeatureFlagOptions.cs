namespace PenguinMails.Admin.FeatureFlags;

/// <summary>Setting <c>FeatureFlags__RefreshSeconds</c>: how stale an instance's flag snapshot may get (default 2 s).</summary>
public sealed class FeatureFlagOptions
{
    public TimeSpan RefreshInterval { get; init; } = TimeSpan.FromSeconds(2);
}
