namespace PenguinMails.Admin.Billing;

/// <summary>
/// Starts the asynchronous steps of a refund request. Today a storage queue function runs them; with the workflow
/// engine merged this becomes starting a "refund request" workflow instance whose id is the request id.
/// </summary>
public interface IRefundWorkflowStarter
{
    Task StartAsync(string refundRequestId, CancellationToken cancellationToken = default);
}
