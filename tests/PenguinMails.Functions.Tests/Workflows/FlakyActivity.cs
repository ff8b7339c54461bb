using System.Collections.Concurrent;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Functions.Tests.Workflows;

/// <summary>Fails its first two attempts with a transient error, then succeeds; the instance's input says how to fail.</summary>
public sealed class FlakyActivity : IWorkflowActivity
{
    public static readonly ConcurrentDictionary<string, int> Attempts = new();

    public Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        var attempt = Attempts.AddOrUpdate(context.InstanceId, 1, (_, n) => n + 1);
        var mode = context.GetInput<string>();
        if (mode == "deterministic")
        {
            throw AdminException.Conflict("This change can never succeed.");
        }
        if (mode == "always" || attempt <= 2)
        {
            throw new TimeoutException($"Transient failure on attempt {attempt}.");
        }
        return Task.FromResult<object?>(new { attempt });
    }
}
