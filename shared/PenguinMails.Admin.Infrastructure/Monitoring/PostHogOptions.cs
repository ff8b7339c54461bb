namespace PenguinMails.Admin.Infrastructure.Monitoring;

/// <summary>
/// <c>PostHog__ApiKey</c> (the project API key; forwarding is off without it), <c>PostHog__Host</c> (the
/// ingestion host, e.g. https://eu.i.posthog.com), and how events are batched and retried.
/// </summary>
public sealed class PostHogOptions
{
    public string? ApiKey { get; set; }

    public string Host { get; set; } = "https://us.i.posthog.com";

    /// <summary>Events per POST /batch/ request.</summary>
    public int BatchSize { get; set; } = 100;

    /// <summary>The longest an event waits for its batch to fill before it is sent anyway.</summary>
    public double FlushIntervalSeconds { get; set; } = 10;

    /// <summary>Events held while PostHog is slow or down; newer events are dropped beyond this.</summary>
    public int MaxQueuedEvents { get; set; } = 10_000;

    public int MaxAttempts { get; set; } = 3;

    /// <summary>The first retry delay; it doubles with each attempt.</summary>
    public double RetryDelaySeconds { get; set; } = 1;

    public bool Enabled => !string.IsNullOrWhiteSpace(ApiKey);
}
