using System.Globalization;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Alerts;

namespace PenguinMails.Admin.Secrets;

/// <summary>
/// Finds secrets that have expired or expire within <see cref="Horizon"/>. The daily scan raises an alert for each on
/// the one alert path (<see cref="AlertService"/>: stored, audited and published once) per version, state and expiry
/// date; the monthly security report lists them through <see cref="FindAsync"/>.
/// </summary>
public sealed class SecretExpiryScanner(ISecretVault vault, AlertService alerts, TimeProvider time)
{
    public static readonly TimeSpan Horizon = TimeSpan.FromDays(30);
    public const string AlertSource = "secrets";
    public const string ExpiringType = "secret-expiring";
    public const string ExpiredType = "secret-expired";

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

    /// <summary>Raises an alert for each expiry; returns (found, newly raised). Alerts raised by an earlier scan are not counted.</summary>
    public async Task<(int Found, int Raised)> RaiseAlertsAsync(CancellationToken cancellationToken = default)
    {
        var expiries = await FindAsync(time.GetUtcNow(), cancellationToken);
        var raised = 0;
        foreach (var expiry in expiries)
        {
            if ((await alerts.RaiseAsync(AlertFor(expiry), cancellationToken)).Created)
            {
                raised++;
            }
        }
        return (expiries.Count, raised);
    }

    /// <summary>
    /// The alert for one expiry: names and dates only, never a value. It happened when the state began (the expiry, or
    /// the expiry minus the horizon), not before the version existed; that time and the alert id both follow from the
    /// version, state and expiry date, so every scan yields the same alert, and a new version or a moved expiry a new one.
    /// </summary>
    public static AlertDraft AlertFor(SecretExpiry expiry)
    {
        var secret = expiry.Secret;
        var expiresOn = secret.ExpiresOn ?? throw new ArgumentException("Only a secret with an expiry date can expire.", nameof(expiry));
        var expired = expiry.State == SecretExpiryState.Expired;
        var began = expired ? expiresOn : expiresOn - Horizon;
        var date = expiresOn.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var details = new Dictionary<string, string>
        {
            ["name"] = secret.Name,
            ["version"] = secret.Version,
            ["expiresOn"] = expiresOn.ToString("O", CultureInfo.InvariantCulture),
            ["classification"] = secret.Classification,
        };
        var key = string.Join('|', SecretName.Key(secret.Name), secret.Version, expired ? "expired" : "expiring",
            expiresOn.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));
        return new AlertDraft(AlertSource, expired ? ExpiredType : ExpiringType, expired ? AlertSeverity.High : AlertSeverity.Medium,
            expired ? $"Secret '{secret.Name}' expired on {date}" : $"Secret '{secret.Name}' expires on {date}",
            began > secret.CreatedOn ? began : secret.CreatedOn, key, Subject: secret.Name, Details: details);
    }
}
