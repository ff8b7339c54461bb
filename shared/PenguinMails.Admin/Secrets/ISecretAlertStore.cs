namespace PenguinMails.Admin.Secrets;

/// <summary>Remembers which expiry alerts were raised, so a daily scan raises each one once per secret version and state.</summary>
public interface ISecretAlertStore
{
    Task<bool> WasRaisedAsync(SecretExpiry expiry, CancellationToken cancellationToken = default);

    /// <summary>Marks the alert raised. Called after it was audited and published, so a crash in between repeats it rather than losing it.</summary>
    Task RecordAsync(SecretExpiry expiry, DateTimeOffset raisedAt, CancellationToken cancellationToken = default);
}
