using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Audit;

/// <summary>
/// Writes the actor and target index rows of an audit event whose inline index write failed. The chain row is
/// the source of truth, so this is idempotent and safe to retry.
/// </summary>
public sealed class RebuildAuditIndexFunction(TableAuditLog audit) : ITriggeredFunction
{
    public const string Name = "RebuildAuditIndex";

    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var message = AuditIndexQueue.Parse(invocation.Payload);
        var found = await audit.RebuildIndexAsync(message.Partition, message.Sequence, cancellationToken);
        if (!found)
        {
            throw new InvalidOperationException($"Audit event {message.Partition}/{message.Sequence} does not exist.");
        }
        invocation.Logs.Add($"Indexed audit event {message.Partition}/{message.Sequence}.");
    }
}
