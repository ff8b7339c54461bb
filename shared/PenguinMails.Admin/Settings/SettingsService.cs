using System.Text.Json;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Settings;

/// <summary>
/// Platform settings: every save is a new version (never an overwrite), a rollback saves an old version's values as
/// a new version, and each is audited with before and after. Readers always see the head, so a change applies at once.
/// </summary>
public sealed class SettingsService(ISettingsStore store, IAuditLog audit, TimeProvider time)
{
    /// <summary>The current version of a section; version 0 with the defaults when it was never saved.</summary>
    public async Task<SettingsVersion> GetAsync(string section, CancellationToken cancellationToken = default)
    {
        SettingsSections.EnsureExists(section);
        return (await store.GetCurrentAsync(section, cancellationToken))?.Value ?? Defaults(section);
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
        return await SaveAsync(actor, section, normalized, ifMatch, Reason.Optional(reason), "settings.update", cancellationToken);
    }

    public async Task<SettingsVersion> RollbackAsync(Actor actor, string section, int version, string? reason, CancellationToken cancellationToken = default)
    {
        SettingsSections.EnsureExists(section);
        var why = Reason.Optional(reason);
        var target = version == 0 ? Defaults(section) : await store.GetVersionAsync(section, version, cancellationToken);
        if (target is null || version < 0)
        {
            throw AdminException.Validation("version", $"{section} has no version {version}.");
        }
        // Re-validate: rules may have tightened since the old version was saved.
        var values = SettingsSections.Validate(section, target.Values);
        return await SaveAsync(actor, section, values, null, why ?? $"Rollback to version {version}", "settings.rollback", cancellationToken);
    }

    /// <summary>The ETag of a section's current version: its version number, so it is the same on every instance.</summary>
    public static string ETagOf(SettingsVersion version) => $"\"v{version.Version}\"";

    private async Task<SettingsVersion> SaveAsync(Actor actor, string section, JsonElement values, string? ifMatch, string? reason, string action,
        CancellationToken cancellationToken)
    {
        var head = await store.GetCurrentAsync(section, cancellationToken);
        var current = head?.Value ?? Defaults(section);
        ETags.EnsureMatches(ifMatch, ETagOf(current));
        var next = new SettingsVersion(section, current.Version + 1, values, time.GetUtcNow(), actor.Email, reason);
        await store.AppendAsync(next, head?.ETag, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, action, "settings", section, AuditEntry.Snapshot(new { current.Version, current.Values }),
            AuditEntry.Snapshot(new { next.Version, next.Values }), reason), cancellationToken);
        return next;
    }

    private static SettingsVersion Defaults(string section) => new(section, 0, SettingsSections.DefaultValues(section), null, null, null);
}
