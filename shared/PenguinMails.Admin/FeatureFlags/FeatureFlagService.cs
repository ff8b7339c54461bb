using System.Text.RegularExpressions;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.FeatureFlags;

/// <summary>Feature flag management (audited) and evaluation (from the in-memory snapshot).</summary>
public sealed partial class FeatureFlagService(IFeatureFlagStore store, FeatureFlagSnapshot snapshot, IAuditLog audit, TimeProvider time)
{
    public const int MaxListEntries = 1000;

    public Task<Page<FeatureFlag>> ListAsync(PageRequest page, CancellationToken cancellationToken = default) => store.ListAsync(page, cancellationToken);

    public async Task<Versioned<FeatureFlag>> GetAsync(string key, CancellationToken cancellationToken = default) =>
        (IsKey(key) ? await store.GetAsync(key, cancellationToken) : null) ?? throw AdminException.NotFound("Feature flag", key);

    public async Task<Versioned<FeatureFlag>> CreateAsync(Actor actor, string? key, FlagDefinition definition, string? reason,
        CancellationToken cancellationToken = default)
    {
        var validator = new Validator().Require("key", key, 64)
            .When(!string.IsNullOrWhiteSpace(key) && !IsKey(key), "key", "key must be lowercase letters, digits, '.', '_' or '-', starting with a letter or digit.");
        var flag = Build(validator, key ?? "", definition);
        var created = await store.CreateAsync(flag, cancellationToken);
        snapshot.Invalidate();
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.FlagsCreate, "flag", flag.Key, After: AuditEntry.Snapshot(flag), Reason: Reason.Optional(reason)),
            cancellationToken);
        return created;
    }

    public async Task<Versioned<FeatureFlag>> UpdateAsync(Actor actor, string key, FlagDefinition definition, string? ifMatch, string? reason,
        CancellationToken cancellationToken = default)
    {
        var after = Build(new Validator(), key, definition);
        var why = Reason.Optional(reason);
        var current = await GetAsync(key, cancellationToken);
        ETags.EnsureMatches(ifMatch, current.ETag);
        var updated = await store.UpdateAsync(after, current.ETag, cancellationToken);
        snapshot.Invalidate();
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.FlagsUpdate, "flag", key, AuditEntry.Snapshot(current.Value), AuditEntry.Snapshot(after), why),
            cancellationToken);
        return updated;
    }

    public async Task DeleteAsync(Actor actor, string key, string? ifMatch, string? reason, CancellationToken cancellationToken = default)
    {
        var why = Reason.Optional(reason);
        var current = await GetAsync(key, cancellationToken);
        ETags.EnsureMatches(ifMatch, current.ETag);
        await store.DeleteAsync(key, current.ETag, cancellationToken);
        snapshot.Invalidate();
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.FlagsDelete, "flag", key, Before: AuditEntry.Snapshot(current.Value), Reason: why), cancellationToken);
    }

    /// <summary>Every flag's value for the tenant and user, keyed by flag key.</summary>
    public async Task<IReadOnlyDictionary<string, FlagDecision>> EvaluateAsync(string? tenantId, string? userId, CancellationToken cancellationToken = default)
    {
        new Validator().Optional("tenantId", tenantId, 128).Optional("userId", userId, 128).ThrowIfInvalid();
        var flags = await snapshot.CurrentAsync(cancellationToken);
        var tenant = string.IsNullOrWhiteSpace(tenantId) ? null : tenantId;
        var user = string.IsNullOrWhiteSpace(userId) ? null : userId;
        return flags.ToDictionary(f => f.Key, f => FlagEvaluator.Evaluate(f, tenant, user), StringComparer.Ordinal);
    }

    private FeatureFlag Build(Validator validator, string key, FlagDefinition d)
    {
        validator.Optional("description", d.Description, 500)
            .When(d.RolloutPercentage is < 0 or > 100, "rolloutPercentage", "rolloutPercentage must be between 0 and 100.");
        var allowTenants = Ids(validator, "allowTenants", d.AllowTenants);
        var allowUsers = Ids(validator, "allowUsers", d.AllowUsers);
        var denyTenants = Ids(validator, "denyTenants", d.DenyTenants);
        validator.When(allowTenants.Intersect(denyTenants).Any(), "denyTenants", "A tenant cannot be on both the allowlist and the denylist.")
            .ThrowIfInvalid();
        return new FeatureFlag(key, d.Description?.Trim() ?? "", d.Enabled, d.RolloutPercentage, allowTenants, allowUsers, denyTenants, time.GetUtcNow());
    }

    private static List<string> Ids(Validator validator, string field, IReadOnlyList<string>? ids)
    {
        var list = (ids ?? []).Select(i => i?.Trim() ?? "").ToList();
        validator.When(list.Count > MaxListEntries, field, $"{field} holds at most {MaxListEntries} ids.")
            .When(list.Any(i => i.Length is 0 or > 128), field, $"Every id in {field} must be 1 to 128 characters.");
        return list.Distinct(StringComparer.Ordinal).ToList();
    }

    private static bool IsKey(string key) => KeyPattern().IsMatch(key);

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex KeyPattern();
}
