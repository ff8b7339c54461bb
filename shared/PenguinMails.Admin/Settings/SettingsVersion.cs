using System.Text.Json;

namespace PenguinMails.Admin.Settings;

/// <summary>One saved version of a section: the values, who saved them, when and why. Version 0 is the built-in default.</summary>
public sealed record SettingsVersion(string Section, int Version, JsonElement Values, DateTimeOffset? UpdatedAt, string? UpdatedBy, string? Reason);
