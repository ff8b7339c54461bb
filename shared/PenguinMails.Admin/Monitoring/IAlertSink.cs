namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// Where monitoring alerts go: the same path as security alerts (stored, audited, published). Deduplication
/// happens before this is called, so every call is a notification.
/// </summary>
public interface IAlertSink
{
    Task RaiseAsync(MonitoringAlert alert, CancellationToken cancellationToken = default);
}
