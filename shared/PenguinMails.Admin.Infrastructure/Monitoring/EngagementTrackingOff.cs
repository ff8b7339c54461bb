using PenguinMails.Admin.Monitoring.Analytics;

namespace PenguinMails.Admin.Infrastructure.Monitoring;

/// <summary>Used when PostHog__ApiKey is not set: engagement forwarding is switched off, and callers see that through <see cref="Enabled"/>.</summary>
public sealed class EngagementTrackingOff : IEngagementTracker
{
    public bool Enabled => false;

    public void Track(EngagementEvent engagementEvent)
    {
        // Nothing is configured to receive the event; Enabled = false tells callers not to build events at all.
    }
}
