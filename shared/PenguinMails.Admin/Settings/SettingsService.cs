using System.Text.Json;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Settings;

/// <summary>
/// Platform settings: every save is a new version (never an overwrite), a rollback saves an old version's values as
/// a new version, and each is audited with before and after. Readers always see the head, so a change applies at once.
/// A section with no values of its own (version 0, or rolled back to it) shows and follows its defaults: the
/// configured values from <see cref="ISettingsDefaults"/>, or the built-in ones.
/// </summary>
public sealed class SettingsService(ISettingsStore store, IAuditLog audit, TimeProvider time, IEnumerable<ISettingsDefaults> defaults)
{
    private readonly Dictionary<string, ISettingsDefaults> _defaults = defaults.ToDictionary(d => d.Section, StringComparer.Ordinal);

    /// <summary>The current version of a section; version 0 with the defaults in effect when it was never saved.</summary>
    public async Task<SettingsVersion> GetAsync(string section, CancellationToken cancellationToken = default)
    {
        SettingsSections.EnsureExists(section);
        return await ResolveAsync((await store.GetCurrentAsync(section, cancellationToken))?.Value ?? Unset(section), cancellationToken);
    }

    public async Task<IReadOnlyList<SettingsVersion>> GetAllAsync(CancellationToken cancellationToken = default) =>
        await Task.WhenAll(SettingsSections.All.Select(s => GetAsync(s, cancellationToken)));

    public async Task<Page<SettingsVersion>> ListVersionsAsync(string section, PageRequest page, CancellationToken cancellationToken = default)
    {
        SettingsSections.EnsureExists(section);
        return await store.ListVersionsAsync(section, page, cancellationToken);
    }

    public async Task<SettingsVersion> UpdateAsync(Actor actor, string section, JsonElement values, string? ifMatch, string? reason,
        CancellationToken cancellationToken = default)
    {
        SettingsSections.EnsureExists(section);
        var normalized = SettingsSections.Validate(section, values);
        return await SaveAsync(actor, section, normalized, false, ifMatch, Reason.Optional(reason), AuditActions.SettingsUpdate, cancellationToken);
    }

    /// <summary>
    /// Saves version <paramref name="version"/>'s values as a new version. Rolling back to version 0 (or to a version that
    /// rolled back to it) saves a version without values of its own: the section follows its defaults again.
    /// </summary>
    public async Task<SettingsVersion> RollbackAsync(Actor actor, string section, int version, string? reason, CancellationToken cancellationToken = default)
    {
        SettingsSections.EnsureExists(section);
        var why = Reason.Optional(reason);
        var target = version switch
        {
            0 => Unset(section),
            > 0 => await store.GetVersionAsync(section, version, cancellationToken),
            _ => null,
        };
        if (target is null)
        {
            throw AdminException.Validation("version", $"{section} has no version {version}.");
        }
        // Re-validate saved values: rules may have tightened since the old version was saved. Defaults are not the caller's to fix.
        var values = target.UsesDefaults ? await DefaultValuesAsync(section, cancellationToken) : SettingsSections.Validate(section, target.Values);
        return await SaveAsync(actor, section, values, target.UsesDefaults, null, why ?? $"Rollback to version {version}", AuditActions.SettingsRollback,
            cancellationToken);
    }

    /// <summary>The ETag of a section's current version: its version number, so it is the same on every instance.</summary>
    public static string ETagOf(SettingsVersion version) => $"\"v{version.Version}\"";

    private async Task<SettingsVersion> SaveAsync(Actor actor, string section, JsonElement values, bool usesDefaults, string? ifMatch, string? reason,
        string action, CancellationToken cancellationToken)
    {
        var head = await store.GetCurrentAsync(section, cancellationToken);
        var current = await ResolveAsync(head?.Value ?? Unset(section), cancellationToken);
        ETags.EnsureMatches(ifMatch, ETagOf(current));
        // A version that uses the defaults stores the values in effect when it was saved, so its history row shows them.
        var next = new SettingsVersion(section, current.Version + 1, values, time.GetUtcNow(), actor.Email, reason, usesDefaults);
        await store.AppendAsync(next, head?.ETag, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, action, "settings", section,
            AuditEntry.Snapshot(new { current.Version, current.Values, current.UsesDefaults }),
            AuditEntry.Snapshot(new { next.Version, next.Values, next.UsesDefaults }), reason), cancellationToken);
        return next;
    }

    private async Task<SettingsVersion> ResolveAsync(SettingsVersion version, CancellationToken cancellationToken) =>
        version.UsesDefaults ? version with { Values = await DefaultValuesAsync(version.Section, cancellationToken) } : version;

    private async Task<JsonElement> DefaultValuesAsync(string section, CancellationToken cancellationToken) =>
        _defaults.TryGetValue(section, out var configured)
            ? SettingsSections.Serialize(section, await configured.GetAsync(cancellationToken))
            : SettingsSections.DefaultValues(section);

    private static SettingsVersion Unset(string section) => new(section, 0, default, null, null, null, UsesDefaults: true);
}
