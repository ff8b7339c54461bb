using System.Text.Json;
using PenguinMails.Admin.Settings;

namespace PenguinMails.Functions.Settings;

/// <summary>
/// A section's current version. <c>usesDefaults</c>: no saved values (version 0, or a rollback to it); <c>values</c> are then
/// the defaults in effect, which for <c>monitoring</c> and <c>security-alerts</c> come from the app's configuration.
/// </summary>
public sealed record SettingsSectionResponse(string Section, int Version, JsonElement Values, DateTimeOffset? UpdatedAt, string? UpdatedBy, bool UsesDefaults)
{
    public static SettingsSectionResponse From(SettingsVersion v) => new(v.Section, v.Version, v.Values, v.UpdatedAt, v.UpdatedBy, v.UsesDefaults);
}

public sealed record SettingsOverviewResponse(IReadOnlyList<SettingsSectionResponse> Sections);

/// <summary>A saved version; for one with <c>usesDefaults</c>, <c>values</c> are the defaults that were in effect when it was saved.</summary>
public sealed record SettingsVersionResponse(int Version, JsonElement Values, DateTimeOffset? UpdatedAt, string? UpdatedBy, string? Reason, bool UsesDefaults)
{
    public static SettingsVersionResponse From(SettingsVersion v) => new(v.Version, v.Values, v.UpdatedAt, v.UpdatedBy, v.Reason, v.UsesDefaults);
}

/// <summary>The section's values as a JSON object; its shape depends on the section (see docs/settings.md).</summary>
public sealed record UpdateSettingsRequest(JsonElement Values, string? Reason = null);

public sealed record RollbackSettingsRequest(int Version, string? Reason = null);
