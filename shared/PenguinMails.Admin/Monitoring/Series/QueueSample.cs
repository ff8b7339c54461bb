namespace PenguinMails.Admin.Monitoring.Series;

/// <summary>One queue as sampled in one minute: depth, the age of its head message in seconds (null when none was visible), and its poison count.</summary>
public sealed record QueueSample(DateTimeOffset Minute, string Queue, long Depth, double? OldestAgeSeconds, long PoisonCount);
