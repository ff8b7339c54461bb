using System.Text.Json;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Workflows;

/// <summary>
/// The workflow port: starts instances, raises events on them, terminates and purges them, and reads their state.
/// Every state-changing call is audited. The engine behind it is the Durable Task Framework (see docs/workflows.md).
/// </summary>
public interface IWorkflowClient
{
    /// <summary>
    /// Starts <paramref name="type"/> as <paramref name="instanceId"/>. The id is the caller's choice, so one instance
    /// runs per subject: while one with that id is Pending, Running or Waiting, it is returned (Created false). A
    /// finished one starts the next execution under the same id.
    /// </summary>
    Task<WorkflowStart> StartAsync(Actor actor, string type, string instanceId, object? input, string? reason = null,
        CancellationToken cancellationToken = default);

    /// <summary>Raises <paramref name="eventName"/> on a live instance; an event nobody waits for yet is kept until a wait asks for it.</summary>
    Task RaiseEventAsync(Actor actor, string instanceId, string eventName, JsonElement? payload, CancellationToken cancellationToken = default);

    /// <summary>Stops a live instance for good; a finished one is a 409 <c>workflow_finished</c>.</summary>
    Task TerminateAsync(Actor actor, string instanceId, string? reason, CancellationToken cancellationToken = default);

    /// <summary>Deletes every finished instance (Completed, Failed, Terminated) created before <paramref name="createdBefore"/>; returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default);

    /// <summary>The instance (without its history), or null when there is none with that id.</summary>
    Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default);

    /// <summary>The instance with its history; 404 when there is none.</summary>
    Task<WorkflowStatus> GetAsync(string instanceId, CancellationToken cancellationToken = default);

    Task<Page<WorkflowInstance>> ListAsync(WorkflowFilter filter, PageRequest page, CancellationToken cancellationToken = default);

    /// <summary>Whether <paramref name="actor"/> holds the permission of the type (<see cref="WorkflowDefinition.Permission"/>).</summary>
    bool CanAccess(Actor actor, string type);

    /// <summary>The types <paramref name="actor"/> may see, or null when that is every registered type.</summary>
    IReadOnlyCollection<string>? VisibleTypes(Actor actor);

    /// <summary>Object-level check for the API: 404 when the instance does not exist, 403 when its type is not the caller's business.</summary>
    Task EnsureAccessAsync(Actor actor, string instanceId, CancellationToken cancellationToken = default);
}
