using System.Text.Json;
using PenguinMails.Admin.Settings;

namespace PenguinMails.Functions.Settings;

public sealed record SettingsSectionResponse(string Section, int Version, JsonElement Values, DateTimeOffset? UpdatedAt, string? UpdatedBy)
{
    public static SettingsSectionResponse From(SettingsVersion v) => new(v.Section, v.Version, v.Values, v.UpdatedAt, v.UpdatedBy);
}

public sealed record SettingsOverviewResponse(IReadOnlyList<SettingsSectionResponse> Sections);

public sealed record SettingsVersionResponse(int Version, JsonElement Values, DateTimeOffset? UpdatedAt, string? UpdatedBy, string? Reason)
{
    public static SettingsVersionResponse From(SettingsVersion v) => new(v.Version, v.Values, v.UpdatedAt, v.UpdatedBy, v.Reason);
}

/// <summary>The section's values as a JSON object; its shape depends on the section (see docs/settings.md).</summary>
public sealed record UpdateSettingsRequest(JsonElement Values, string? Reason = null);

public sealed record RollbackSettingsRequest(int Version, string? Reason = null);
