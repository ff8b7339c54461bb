using System.Text.Json;

namespace PenguinMails.Admin.Settings;

/// <summary>
/// One version of a section: the values, who saved them, when and why. <see cref="UsesDefaults"/> marks a version
/// without values of its own: version 0 (never saved) and a rollback to it. Such a version follows the section's
/// defaults (configuration, <see cref="ISettingsDefaults"/>), and reads show the defaults in effect at the time.
/// </summary>
public sealed record SettingsVersion(string Section, int Version, JsonElement Values, DateTimeOffset? UpdatedAt, string? UpdatedBy, string? Reason,
    bool UsesDefaults = false);
