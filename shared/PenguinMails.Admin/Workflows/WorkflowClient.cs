using System.Text.Json;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using static PenguinMails.Admin.Workflows.WorkflowHistoryEventTypes;

namespace PenguinMails.Admin.Workflows;

/// <summary>
/// Starts instances, raises events on them and terminates them; every call is audited, and starts and terminations are
/// recorded in the run log. Features use this to run their own definitions (see docs/workflows.md).
/// </summary>
public sealed class WorkflowClient(
    IWorkflowStore store,
    IWorkflowWorkQueue queue,
    WorkflowRegistry registry,
    IAuditLog audit,
    IWorkflowRunLog runs,
    WorkflowOptions options,
    TimeProvider time)
{
    public const int MaxPayloadChars = 16_000;
    public const string StartAction = AuditActions.WorkflowStart;

    /// <summary>
    /// Starts <paramref name="type"/> as <paramref name="instanceId"/>. The id is the caller's choice, so one instance
    /// runs per subject: while one with that id is Pending, Running or Waiting, it is returned (Created false). A
    /// finished one starts a new execution under the same id, keeping its history.
    /// </summary>
    public async Task<WorkflowStart> StartAsync(Actor actor, string type, string instanceId, object? input, string? reason = null,
        CancellationToken cancellationToken = default)
    {
        var definition = registry.Get(type);
        var why = Reason.Optional(reason);
        new Validator().When(!WorkflowNames.IsValidInstanceId(instanceId), "instanceId", "Use letters, digits, '-', '_', '.' and ':' (at most 200).")
            .ThrowIfInvalid();
        var json = input is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(input, input.GetType(), JsonSerializerOptions.Web);
        EnsurePayloadSize("input", json);
        while (true)
        {
            var existing = await store.GetAsync(instanceId, cancellationToken);
            if (existing is not null && existing.Value.Type != type)
            {
                throw AdminException.Conflict($"Workflow '{instanceId}' is a '{existing.Value.Type}', not a '{type}'.");
            }
            if (existing is { Value.IsTerminal: false } running)
            {
                // A caller retrying after a failed answer finds its instance; make sure its start is on the record.
                if (!await audit.ContainsAsync(StartAction, instanceId, null, running.Value.CreatedTime.AddSeconds(-1), cancellationToken))
                {
                    await runs.RecordStartAsync(running.Value, cancellationToken);
                    await AuditStartAsync(actor, running.Value, why, cancellationToken);
                }
                return new WorkflowStart(instanceId, false);
            }
            if (existing is { Value.DueAt: not null })
            {
                await runs.RecordFinishAsync(existing.Value, cancellationToken); // the engine had not recorded its finish yet
            }
            var now = time.GetUtcNow();
            var history = new List<WorkflowHistoryEvent>();
            var fresh = Fresh(existing?.Value, instanceId, type, json, actor, now);
            var started = WorkflowTransitions.Start(fresh, definition, now, history);
            started = started with { HistoryCount = fresh.HistoryCount + history.Count };
            var etag = existing is null
                ? await store.TryCreateAsync(started, history, cancellationToken)
                : await store.TryReplaceAsync(started, existing.ETag, history, cancellationToken);
            if (etag is null)
            {
                continue; // someone else started or changed it meanwhile: look again
            }
            await WorkflowSchedule.EnqueueAsync(queue, options, time, started, cancellationToken);
            await runs.RecordStartAsync(started, cancellationToken);
            await AuditStartAsync(actor, started, why, cancellationToken);
            return new WorkflowStart(instanceId, true);
        }
    }

    /// <summary>
    /// Raises <paramref name="eventName"/> on a running instance. An event nobody waits for yet is kept until a wait step
    /// asks for it; a waiting instance is woken at once.
    /// </summary>
    public async Task RaiseEventAsync(Actor actor, string instanceId, string eventName, JsonElement? payload, CancellationToken cancellationToken = default)
    {
        new Validator().When(!WorkflowNames.IsValidEventName(eventName), "name", "Use letters, digits, '-', '_' and '.' (at most 64), starting with a letter.")
            .ThrowIfInvalid();
        payload = payload is { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null } ? null : payload; // an empty body
        EnsurePayloadSize("payload", payload);
        var read = await GetInstanceAsync(instanceId, cancellationToken);
        var definition = registry.Find(read.Value.Type);
        var changed = await UpdateAsync(read, (i, now, history) =>
        {
            if (i.PendingEvents.Count >= options.MaxPendingEvents)
            {
                throw AdminException.Conflict($"Workflow '{instanceId}' already holds {options.MaxPendingEvents} events nobody waited for.");
            }
            history.Add(new WorkflowHistoryEvent(EventRaised, eventName, now, "Raised", $"By {actor.Email}"));
            var next = i with { PendingEvents = [.. i.PendingEvents, new RaisedEvent(eventName, payload, now)], LastUpdatedTime = now };
            var waiting = i.Status == WorkflowRuntimeStatus.Waiting && definition is not null && i.StepIndex < definition.Steps.Count
                && definition.Steps[i.StepIndex] is WaitForEventStep wait && wait.EventName == eventName;
            return waiting ? next with { DueAt = now, Sequence = i.Sequence + 1 } : next;
        }, cancellationToken);
        await WorkflowSchedule.EnqueueAsync(queue, options, time, changed, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.WorkflowEventRaise, "workflow", instanceId,
            After: AuditEntry.Snapshot(new { Event = eventName })), cancellationToken);
    }

    /// <summary>Stops an instance for good; the step in progress, if any, is not committed.</summary>
    public async Task TerminateAsync(Actor actor, string instanceId, string? reason, CancellationToken cancellationToken = default)
    {
        var why = Reason.Required(reason);
        var read = await GetInstanceAsync(instanceId, cancellationToken);
        var before = read.Value.Status;
        var terminated = await UpdateAsync(read, (i, now, history) =>
        {
            history.Add(new WorkflowHistoryEvent(ExecutionTerminated, i.Type, now, "Terminated", why));
            return i with
            {
                Status = WorkflowRuntimeStatus.Terminated, DueAt = null, TimeoutAt = null, LeaseOwner = null, LeaseUntil = null,
                Sequence = i.Sequence + 1, LastUpdatedTime = now, CustomStatus = $"Terminated: {why}",
            };
        }, cancellationToken);
        await runs.RecordFinishAsync(terminated, cancellationToken);
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.WorkflowTerminate, "workflow", instanceId, AuditEntry.Snapshot(new { Status = before.ToString() }),
            AuditEntry.Snapshot(new { Status = nameof(WorkflowRuntimeStatus.Terminated) }), why), cancellationToken);
    }

    /// <summary>The instance (without its history), or null when there is none with that id.</summary>
    public async Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default) =>
        WorkflowNames.IsValidInstanceId(instanceId) ? (await store.GetAsync(instanceId, cancellationToken))?.Value : null;

    public async Task<WorkflowStatus> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var read = await GetInstanceAsync(instanceId, cancellationToken);
        return new WorkflowStatus(read.Value, await store.GetHistoryAsync(instanceId, cancellationToken));
    }

    public Task<Page<WorkflowInstance>> ListAsync(WorkflowFilter filter, PageRequest page, CancellationToken cancellationToken = default) =>
        store.ListAsync(filter, page, cancellationToken);

    /// <summary>Whether <paramref name="actor"/> holds the permission of the type (<see cref="WorkflowDefinition.Permission"/>).</summary>
    public bool CanAccess(Actor actor, string type) => registry.Find(type)?.Permission is not { } permission || actor.Has(permission);

    /// <summary>The types <paramref name="actor"/> may see, or null when that is every registered type.</summary>
    public IReadOnlyCollection<string>? VisibleTypes(Actor actor)
    {
        var visible = registry.Types.Where(t => CanAccess(actor, t)).ToList();
        return visible.Count == registry.Types.Count ? null : visible;
    }

    /// <summary>Object-level check for the API: 404 when the instance does not exist, 403 when its type is not the caller's business.</summary>
    public async Task EnsureAccessAsync(Actor actor, string instanceId, CancellationToken cancellationToken = default)
    {
        var read = await GetInstanceAsync(instanceId, cancellationToken);
        if (!CanAccess(actor, read.Value.Type))
        {
            throw AdminException.Forbidden($"Workflows of type '{read.Value.Type}' need the permission '{registry.Get(read.Value.Type).Permission}'.");
        }
    }

    private async Task<Versioned<WorkflowInstance>> GetInstanceAsync(string instanceId, CancellationToken cancellationToken) =>
        (WorkflowNames.IsValidInstanceId(instanceId) ? await store.GetAsync(instanceId, cancellationToken) : null)
        ?? throw AdminException.NotFound("Workflow", instanceId);

    /// <summary>Applies a change to a live instance under its ETag, re-reading on conflict; a finished instance is a 409.</summary>
    private async Task<WorkflowInstance> UpdateAsync(Versioned<WorkflowInstance> read,
        Func<WorkflowInstance, DateTimeOffset, List<WorkflowHistoryEvent>, WorkflowInstance> change, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (read.Value.IsTerminal)
            {
                throw AdminException.Conflict($"Workflow '{read.Value.Id}' has already finished ({read.Value.Status}).", "workflow_finished");
            }
            var history = new List<WorkflowHistoryEvent>();
            var next = change(read.Value, time.GetUtcNow(), history);
            next = next with { HistoryCount = read.Value.HistoryCount + history.Count };
            if (await store.TryReplaceAsync(next, read.ETag, history, cancellationToken) is not null)
            {
                return next;
            }
            read = await GetInstanceAsync(read.Value.Id, cancellationToken);
        }
    }

    private Task AuditStartAsync(Actor actor, WorkflowInstance started, string? reason, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEntry(actor, StartAction, "workflow", started.Id,
            After: AuditEntry.Snapshot(new { started.Type, started.Execution }), Reason: reason), cancellationToken);

    private static WorkflowInstance Fresh(WorkflowInstance? previous, string id, string type, JsonElement? input, Actor actor, DateTimeOffset now) =>
        new(id, type, WorkflowRuntimeStatus.Pending, input, null, null, now, now, WorkflowStarter.From(actor),
            (previous?.Execution ?? 0) + 1, 0, 1, previous?.Sequence ?? 0, null, null, null, null, new Dictionary<string, JsonElement>(), [], null,
            previous?.HistoryCount ?? 0);

    private static void EnsurePayloadSize(string field, JsonElement? value) =>
        new Validator().When(value?.GetRawText().Length > MaxPayloadChars, field, $"{field} must be at most {MaxPayloadChars} characters of JSON.")
            .ThrowIfInvalid();
}
