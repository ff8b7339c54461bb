using System.Text.Json;
using DurableTask.Core;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>Reads an orchestration's state (input envelope, custom status, output) as the core's <see cref="WorkflowInstance"/>.</summary>
public static class WorkflowStateMapper
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoOutputs = new Dictionary<string, JsonElement>();

    public static WorkflowInstance ToInstance(OrchestrationState state)
    {
        var envelope = Read<WorkflowEnvelope>(state.Input);
        var progress = Read<WorkflowProgress>(state.Status);
        var status = StatusOf(state.OrchestrationStatus, progress);
        var output = status == WorkflowRuntimeStatus.Completed ? Read<JsonElement?>(state.Output) : null;
        var error = status == WorkflowRuntimeStatus.Failed ? state.FailureDetails?.ErrorMessage ?? WithoutExceptionType(state.Output) : null;
        var customStatus = status switch
        {
            WorkflowRuntimeStatus.Terminated => $"Terminated: {Read<string>(state.Output) ?? state.Output}",
            WorkflowRuntimeStatus.Failed => progress?.Step is { } step ? $"Failed at {step}: {error}" : $"Failed: {error}",
            _ => progress?.Describe(status == WorkflowRuntimeStatus.Completed),
        };
        var outputs = progress?.Outputs ?? (output is { ValueKind: JsonValueKind.Object } o ? o.Deserialize<Dictionary<string, JsonElement>>() : null) ?? NoOutputs;
        return new WorkflowInstance(state.OrchestrationInstance.InstanceId, state.Name, status, envelope?.Input, output, customStatus,
            Utc(envelope?.StartedAt.UtcDateTime ?? state.CreatedTime), Utc(state.LastUpdatedTime), envelope?.StartedBy, envelope?.Execution ?? 1,
            status is WorkflowRuntimeStatus.Running or WorkflowRuntimeStatus.Waiting ? progress?.Step : null, outputs, error);
    }

    public static WorkflowRuntimeStatus StatusOf(OrchestrationStatus status, WorkflowProgress? progress) => status switch
    {
        OrchestrationStatus.Pending => WorkflowRuntimeStatus.Pending,
        OrchestrationStatus.Completed => WorkflowRuntimeStatus.Completed,
        OrchestrationStatus.Failed => WorkflowRuntimeStatus.Failed,
        OrchestrationStatus.Terminated or OrchestrationStatus.Canceled => WorkflowRuntimeStatus.Terminated,
        _ when progress is { Waiting: true } => WorkflowRuntimeStatus.Waiting,
        _ => WorkflowRuntimeStatus.Running,
    };

    public static IReadOnlyList<OrchestrationStatus> ToEngine(WorkflowRuntimeStatus status) => status switch
    {
        WorkflowRuntimeStatus.Pending => [OrchestrationStatus.Pending],
        WorkflowRuntimeStatus.Running or WorkflowRuntimeStatus.Waiting => [OrchestrationStatus.Running],
        WorkflowRuntimeStatus.Completed => [OrchestrationStatus.Completed],
        WorkflowRuntimeStatus.Failed => [OrchestrationStatus.Failed],
        _ => [OrchestrationStatus.Terminated, OrchestrationStatus.Canceled],
    };

    public static T? Read<T>(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return default;
        }
        try
        {
            return JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return default; // not ours (e.g. a plain text reason): the caller shows the raw value instead
        }
    }

    /// <summary>
    /// The instance table keeps a failure as "{exception type}: {message}"; admins read the message (the step's
    /// "code: detail", see <see cref="WorkflowFailedException"/>).
    /// </summary>
    public static string? WithoutExceptionType(string? failure)
    {
        if (failure is null)
        {
            return null;
        }
        var colon = failure.IndexOf(": ", StringComparison.Ordinal);
        return colon > 0 && failure.AsSpan(0, colon).EndsWith("Exception", StringComparison.Ordinal) && !failure.AsSpan(0, colon).Contains(' ')
            ? failure[(colon + 2)..]
            : failure;
    }

    private static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));
}
