using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Secrets;

/// <summary>
/// Revealing a value: it needs <see cref="Permissions.SecretsReveal"/> and a written reason, is rate-limited per
/// staff member, and is audited (name, version, classification, reason; never the value) before the value is
/// handed back. If the audit write fails, nothing is revealed.
/// </summary>
public sealed class SecretRevealService(ISecretVault vault, ISecretRevealLimiter limiter, IAuditLog audit)
{
    public const string Action = AuditActions.SecretsReveal;

    public async Task<RevealedSecret> RevealAsync(Actor actor, string? name, string? version, string? reason, CancellationToken cancellationToken = default)
    {
        if (!actor.Has(Permissions.SecretsReveal))
        {
            throw AdminException.Forbidden($"Revealing a secret needs the '{Permissions.SecretsReveal}' permission.");
        }
        var why = Reason.Required(reason);
        var secretName = SecretName.Validated(name);
        SecretInput.Version(version);
        if (await limiter.AcquireAsync(actor.Id, cancellationToken) is { } retryAfter)
        {
            await audit.AppendAsync(new AuditEntry(actor, Action, "secret", secretName, After: AuditEntry.Snapshot(new { version }), Reason: why,
                Outcome: "denied"), cancellationToken);
            throw AdminException.RateLimited(retryAfter, "You have revealed too many secrets recently; wait before revealing another.");
        }
        var current = await vault.GetAsync(secretName, cancellationToken) ?? throw AdminException.NotFound("Secret", secretName);
        var revealedVersion = version ?? current.Version;
        string value;
        try
        {
            value = await vault.GetValueAsync(current.Name, revealedVersion, cancellationToken);
        }
        catch (Exception e) when (e is not AdminException and not OperationCanceledException)
        {
            // An unreadable value (a failed integrity check, say) is a security event in its own right.
            await audit.AppendAsync(new AuditEntry(actor, Action, "secret", current.Name, After: AuditEntry.Snapshot(new { version = revealedVersion }),
                Reason: why, Outcome: "failure"), CancellationToken.None);
            throw;
        }
        await audit.AppendAsync(new AuditEntry(actor, Action, "secret", current.Name,
            After: AuditEntry.Snapshot(new { version = revealedVersion, current.Classification }), Reason: why), cancellationToken);
        return new RevealedSecret(current.Name, revealedVersion, value);
    }
}
