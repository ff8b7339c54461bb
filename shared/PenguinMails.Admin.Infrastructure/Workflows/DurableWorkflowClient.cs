using System.Text.Json;
using DurableTask.AzureStorage.Tracking;
using DurableTask.Core;
using DurableTask.Core.Exceptions;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>The workflow port on the task hub's <see cref="TaskHubClient"/> and instance queries; every change is audited.</summary>
public sealed class DurableWorkflowClient(DurableTaskHub hub, WorkflowRegistry registry, IAuditLog audit, CursorCodec cursors, TimeProvider time)
    : IWorkflowClient
{
    public const int MaxPayloadChars = 16_000;
    public const string StartAction = AuditActions.WorkflowStart;
    private const string CursorScope = "workflows";
    private static readonly OrchestrationStatus[] Live = [OrchestrationStatus.Pending, OrchestrationStatus.Running, OrchestrationStatus.ContinuedAsNew];

    public async Task<WorkflowStart> StartAsync(Actor actor, string type, string instanceId, object? input, string? reason = null,
        CancellationToken cancellationToken = default)
    {
        registry.Get(type);
        var why = Reason.Optional(reason);
        new Validator().When(!WorkflowNames.IsValidInstanceId(instanceId), "instanceId", "Use letters, digits, '-', '_', '.' and ':' (at most 200).")
            .ThrowIfInvalid();
        var json = input is null ? (JsonElement?)null : JsonSerializer.SerializeToElement(input, input.GetType(), JsonSerializerOptions.Web);
        EnsurePayloadSize("input", json);
        await hub.EnsureCreatedAsync();
        var existing = await FindAsync(instanceId, cancellationToken);
        if (existing is not null && existing.Type != type)
        {
            throw AdminException.Conflict($"Workflow '{instanceId}' is a '{type}', not a '{existing.Type}'.");
        }
        if (existing is { IsTerminal: false })
        {
            await EnsureStartAuditedAsync(actor, existing, why, cancellationToken);
            return new WorkflowStart(instanceId, false);
        }
        var envelope = new WorkflowEnvelope(WorkflowStarter.From(actor), (existing?.Execution ?? 0) + 1, time.GetUtcNow(), json);
        try
        {
            await hub.Client.CreateOrchestrationInstanceAsync(type, "", instanceId, envelope, null, Live);
        }
        catch (OrchestrationAlreadyExistsException)
        {
            return new WorkflowStart(instanceId, false); // another caller started it a moment ago; that start is audited
        }
        await AuditStartAsync(actor, instanceId, type, envelope.Execution, why, cancellationToken);
        return new WorkflowStart(instanceId, true);
    }

    public async Task RaiseEventAsync(Actor actor, string instanceId, string eventName, JsonElement? payload, CancellationToken cancellationToken = default)
    {
        new Validator().When(!WorkflowNames.IsValidEventName(eventName), "name", "Use letters, digits, '-', '_' and '.' (at most 64), starting with a letter.")
            .ThrowIfInvalid();
        payload = payload is { ValueKind: JsonValueKind.Undefined or JsonValueKind.Null } ? null : payload; // an empty body
        EnsurePayloadSize("payload", payload);
        var instance = await GetLiveAsync(instanceId, cancellationToken);
        await hub.Client.RaiseEventAsync(new OrchestrationInstance { InstanceId = instance.Id }, eventName, payload!);
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.WorkflowEventRaise, "workflow", instanceId,
            After: AuditEntry.Snapshot(new { Event = eventName })), cancellationToken);
    }

    public async Task TerminateAsync(Actor actor, string instanceId, string? reason, CancellationToken cancellationToken = default)
    {
        var why = Reason.Required(reason);
        var instance = await GetLiveAsync(instanceId, cancellationToken);
        await hub.Client.TerminateInstanceAsync(new OrchestrationInstance { InstanceId = instance.Id }, why);
        await audit.AppendAsync(new AuditEntry(actor, AuditActions.WorkflowTerminate, "workflow", instanceId, AuditEntry.Snapshot(new { Status = instance.Status.ToString() }),
            AuditEntry.Snapshot(new { Status = nameof(WorkflowRuntimeStatus.Terminated) }), why), cancellationToken);
    }

    public async Task<int> PurgeAsync(DateTimeOffset createdBefore, CancellationToken cancellationToken = default)
    {
        await hub.EnsureCreatedAsync();
        var result = await hub.Service.PurgeInstanceHistoryAsync(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc), createdBefore.UtcDateTime,
            [OrchestrationStatus.Completed, OrchestrationStatus.Failed, OrchestrationStatus.Terminated, OrchestrationStatus.Canceled]);
        return result.InstancesDeleted;
    }

    public async Task<WorkflowInstance?> FindAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        if (!WorkflowNames.IsValidInstanceId(instanceId))
        {
            return null;
        }
        await hub.EnsureCreatedAsync();
        var states = await hub.Service.GetOrchestrationStateAsync(instanceId, allExecutions: false, fetchInput: true);
        return states.FirstOrDefault(s => s is not null) is { } state ? WorkflowStateMapper.ToInstance(state) : null;
    }

    public async Task<WorkflowStatus> GetAsync(string instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await FindAsync(instanceId, cancellationToken) ?? throw AdminException.NotFound("Workflow", instanceId);
        var history = await hub.Service.GetOrchestrationHistoryAsync(instanceId, null);
        return new WorkflowStatus(instance, WorkflowHistoryMapper.Map(history));
    }

    public async Task<Page<WorkflowInstance>> ListAsync(WorkflowFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        await hub.EnsureCreatedAsync();
        var condition = new OrchestrationInstanceStatusQueryCondition
        {
            RuntimeStatus = filter.Status is { } status ? WorkflowStateMapper.ToEngine(status) : null,
            FetchInput = true,
        };
        var token = page.Cursor is null ? null : cursors.Decode(CursorScope, page.Cursor);
        var result = await hub.Service.GetOrchestrationStateAsync(condition, page.PageSize, token, cancellationToken);
        var items = result.OrchestrationState.Select(WorkflowStateMapper.ToInstance)
            .Where(i => (filter.Type is null || i.Type == filter.Type) && (filter.VisibleTypes is null || filter.VisibleTypes.Contains(i.Type))
                && (filter.Status is null || i.Status == filter.Status))
            .ToList();
        var next = string.IsNullOrEmpty(result.ContinuationToken) ? null : cursors.Encode(CursorScope, result.ContinuationToken);
        return new Page<WorkflowInstance>(items, next);
    }

    public bool CanAccess(Actor actor, string type) => registry.Find(type)?.Permission is not { } permission || actor.Has(permission);

    public IReadOnlyCollection<string>? VisibleTypes(Actor actor)
    {
        var visible = registry.Types.Where(t => CanAccess(actor, t)).ToList();
        return visible.Count == registry.Types.Count ? null : visible;
    }

    public async Task EnsureAccessAsync(Actor actor, string instanceId, CancellationToken cancellationToken = default)
    {
        var instance = await FindAsync(instanceId, cancellationToken) ?? throw AdminException.NotFound("Workflow", instanceId);
        if (!CanAccess(actor, instance.Type))
        {
            throw AdminException.Forbidden($"Workflows of type '{instance.Type}' need the permission '{registry.Get(instance.Type).Permission}'.");
        }
    }

    private async Task<WorkflowInstance> GetLiveAsync(string instanceId, CancellationToken cancellationToken)
    {
        var instance = await FindAsync(instanceId, cancellationToken) ?? throw AdminException.NotFound("Workflow", instanceId);
        return instance.IsTerminal
            ? throw AdminException.Conflict($"Workflow '{instanceId}' has already finished ({instance.Status}).", "workflow_finished")
            : instance;
    }

    /// <summary>A caller retrying after a failed answer finds its instance; make sure its start is on the record.</summary>
    private async Task EnsureStartAuditedAsync(Actor actor, WorkflowInstance running, string? reason, CancellationToken cancellationToken)
    {
        if (!await audit.ContainsAsync(StartAction, running.Id, null, running.CreatedTime.AddSeconds(-1), cancellationToken))
        {
            await AuditStartAsync(actor, running.Id, running.Type, running.Execution, reason, cancellationToken);
        }
    }

    private Task AuditStartAsync(Actor actor, string id, string type, int execution, string? reason, CancellationToken cancellationToken) =>
        audit.AppendAsync(new AuditEntry(actor, StartAction, "workflow", id, After: AuditEntry.Snapshot(new { Type = type, Execution = execution }),
            Reason: reason), cancellationToken);

    private static void EnsurePayloadSize(string field, JsonElement? value) =>
        new Validator().When(value?.GetRawText().Length > MaxPayloadChars, field, $"{field} must be at most {MaxPayloadChars} characters of JSON.")
            .ThrowIfInvalid();
}
