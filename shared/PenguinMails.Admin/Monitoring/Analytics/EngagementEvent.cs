namespace PenguinMails.Admin.Monitoring.Analytics;

/// <summary>
/// Something a person did, for product analytics. <see cref="DistinctId"/> is an opaque id (a staff or user id),
/// never an email; properties hold no personal data or secrets.
/// </summary>
public sealed record EngagementEvent(string Name, string DistinctId, DateTimeOffset OccurredAt, IReadOnlyDictionary<string, string> Properties);
