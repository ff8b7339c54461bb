namespace PenguinMails.Admin.Secrets;

/// <summary>A soft-deleted secret: recoverable until <see cref="ScheduledPurgeDate"/>, then purged for good.</summary>
public sealed record DeletedSecret(SecretProperties Properties, DateTimeOffset DeletedOn, DateTimeOffset? ScheduledPurgeDate);
