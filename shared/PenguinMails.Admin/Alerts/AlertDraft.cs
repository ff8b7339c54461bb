using System.Security.Cryptography;
using System.Text;

namespace PenguinMails.Admin.Alerts;

/// <summary>
/// What a detector wants to raise. <see cref="DeduplicationKey"/> names the triggering activity (for example the
/// audit event that crossed a threshold): raising the same source, type and key twice yields one alert.
/// <see cref="Recipients"/> are email addresses to notify; they go on the published event only (delivery is the mail
/// platform's), not on the stored alert or its audit event.
/// </summary>
public sealed record AlertDraft(
    string Source,
    string Type,
    AlertSeverity Severity,
    string Summary,
    DateTimeOffset OccurredAt,
    string DeduplicationKey,
    string? Subject = null,
    string? ActorId = null,
    string? IpAddress = null,
    IReadOnlyList<string>? EventIds = null,
    IReadOnlyDictionary<string, string>? Details = null,
    IReadOnlyList<string>? Recipients = null)
{
    public string AlertId =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Source + "\n" + Type + "\n" + DeduplicationKey)))[..32];

    public SecurityAlert ToAlert(DateTimeOffset raisedAt) => new(AlertId, Type, Severity, Summary, Source, OccurredAt, raisedAt, Subject, ActorId,
        IpAddress, EventIds ?? [], Details ?? new Dictionary<string, string>(), null, false);
}
