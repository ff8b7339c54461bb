namespace PenguinMails.Admin.Settings;

/// <summary>
/// What a section holds while it has no saved values (never saved, or rolled back to version 0): the values in effect
/// from the app's configuration. The feature that acts on a section registers one (any number may be registered, one
/// per section); a section without one shows its built-in default. Read on every request, never cached.
/// </summary>
public interface ISettingsDefaults
{
    /// <summary>The section this provides for, one of <see cref="SettingsSections.All"/>.</summary>
    string Section { get; }

    /// <summary>The effective values, as the section's record (for example <see cref="MonitoringSettings"/>).</summary>
    Task<ISettingsValues> GetAsync(CancellationToken cancellationToken = default);
}
