namespace PenguinMails.Admin.Workflows;

/// <summary>How often an activity is tried, with exponential back-off between attempts.</summary>
public sealed record RetryPolicy(int MaxAttempts, TimeSpan FirstDelay, double BackoffCoefficient = 2, TimeSpan? MaxDelay = null)
{
    public static RetryPolicy Default { get; } = new(5, TimeSpan.FromSeconds(2), 2, TimeSpan.FromMinutes(5));

    public static RetryPolicy None { get; } = new(1, TimeSpan.Zero);

    /// <summary>The delay before attempt <paramref name="nextAttempt"/> (2 is the first retry).</summary>
    public TimeSpan DelayBefore(int nextAttempt)
    {
        var delay = FirstDelay.TotalMilliseconds * Math.Pow(BackoffCoefficient, Math.Max(0, nextAttempt - 2));
        var capped = MaxDelay is { } max ? Math.Min(delay, max.TotalMilliseconds) : delay;
        return TimeSpan.FromMilliseconds(capped);
    }
}
