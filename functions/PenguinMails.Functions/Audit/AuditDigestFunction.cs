using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Audit;

/// <summary>
/// Writes a signed audit digest: hourly at one minute past (just after the hour's segments close), and, as a queue
/// function, whenever a lane closes a segment. Either way it covers every lane.
/// </summary>
public sealed class AuditDigestFunction(AuditDigestWriter writer) : ITriggeredFunction
{
    public const string TimerName = "WriteAuditDigest";
    public const string QueueName = "AuditSegmentClosed";
    public const string Schedule = "0 1 * * * *";

    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        var trigger = invocation.FunctionName == QueueName ? "segment-closed" : "interval";
        var digest = await writer.WriteAsync(trigger, cancellationToken);
        invocation.Logs.Add($"Wrote audit digest {digest.Sequence} ({trigger}) over {digest.Segments.Count} segment(s).");
    }
}
