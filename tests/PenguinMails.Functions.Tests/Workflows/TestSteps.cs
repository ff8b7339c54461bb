using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Functions.Tests.Workflows;

public sealed class First(StorageClients storage) : RecordEffect(storage);

public sealed class Second(StorageClients storage) : RecordEffect(storage);

public sealed class Third(StorageClients storage) : RecordEffect(storage);

/// <summary>A step that fails in a way no retry fixes (a 4xx), so its workflow fails at once.</summary>
public sealed class AlwaysRejected : IWorkflowActivity
{
    public Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken) =>
        throw AdminException.BadRequest("deterministic", "This step always fails.");
}
