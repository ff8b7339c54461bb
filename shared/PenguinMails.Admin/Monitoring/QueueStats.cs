namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// One queue: approximate depth, the age of the message at its head (null when none is visible), and how many
/// messages sit in its poison queue. <see cref="Exists"/> is false when the queue has not been created.
/// </summary>
public sealed record QueueStats(string Name, bool Exists, long Depth, TimeSpan? OldestMessageAge, long PoisonCount);
