namespace PenguinMails.Admin.Monitoring.Analytics;

/// <summary>
/// Forwards engagement events to product analytics (PostHog) when it is configured. Tracking never blocks or
/// fails the caller: events are queued and sent in batches in the background.
/// </summary>
public interface IEngagementTracker
{
    /// <summary>False when no analytics destination is configured; callers may skip building events.</summary>
    bool Enabled { get; }

    void Track(EngagementEvent engagementEvent);
}
