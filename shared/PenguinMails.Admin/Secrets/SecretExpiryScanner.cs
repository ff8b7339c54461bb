using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Events;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Secrets;

/// <summary>
/// Finds secrets that have expired or expire within <see cref="Horizon"/>. The daily scan raises an alert for each
/// (audited, and published to <see cref="EventDestinations.SecurityAlerts"/>) once per version and state (at least once: consumers deduplicate); the
/// monthly security report lists them through <see cref="FindAsync"/>.
/// </summary>
public sealed class SecretExpiryScanner(ISecretVault vault, ISecretAlertStore alerts, IAuditLog audit, IIntegrationEventBus bus, TimeProvider time)
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(30);
    public const string EventType = "SecretExpiryAlert";

    /// <summary>Every live secret that expired before <paramref name="now"/> or expires within the horizon after it.</summary>
    public async Task<IReadOnlyList<SecretExpiry>> FindAsync(DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        var found = new List<SecretExpiry>();
        var page = PageRequest.First(PageRequest.MaxPageSize);
        while (true)
        {
            var result = await vault.ListAsync(page, cancellationToken);
            found.AddRange(result.Items.Where(s => s.ExpiresOn is { } e && e <= now + Horizon)
                .Select(s => new SecretExpiry(s, s.ExpiresOn <= now ? SecretExpiryState.Expired : SecretExpiryState.Expiring)));
            if (result.NextCursor is null)
            {
                return found.OrderBy(f => f.Secret.ExpiresOn).ToList();
            }
            page = page with { Cursor = result.NextCursor };
        }
    }

    /// <summary>Raises the alerts not raised before; returns (found, newly raised).</summary>
    public async Task<(int Found, int Raised)> RaiseAlertsAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        var expiries = await FindAsync(now, cancellationToken);
        var raised = 0;
        var actor = Actor.System("secret-expiry-scan");
        foreach (var expiry in expiries)
        {
            if (await alerts.WasRaisedAsync(expiry, cancellationToken))
            {
                continue;
            }
            var state = expiry.State.ToString().ToLowerInvariant();
            var data = new { expiry.Secret.Name, expiry.Secret.Version, State = state, expiry.Secret.ExpiresOn, expiry.Secret.Classification };
            await audit.AppendAsync(new AuditEntry(actor, "secrets.expiry-alert", "secret", expiry.Secret.Name, After: AuditEntry.Snapshot(data)),
                cancellationToken);
            await bus.PublishAsync(EventDestinations.SecurityAlerts, IntegrationEvent.Create(EventType, data, now), cancellationToken);
            await alerts.RecordAsync(expiry, now, cancellationToken);
            raised++;
        }
        return (expiries.Count, raised);
    }
}
