using System.Text.Json;
using DurableTask.Core.History;
using PenguinMails.Admin.Workflows;
using static PenguinMails.Admin.Workflows.WorkflowHistoryEventTypes;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// Turns DTFx's history (the JSON its Azure Storage backend returns) into the API's history lines: an activity's
/// completion or failure carries its name and when it was scheduled (its due time; DTFx does not record when a
/// worker picked it up, so startedTime stays empty), a timer when it was due.
/// </summary>
public static class WorkflowHistoryMapper
{
    public static IReadOnlyList<WorkflowHistoryEvent> Map(string historyJson)
    {
        using var document = JsonDocument.Parse(historyJson);
        var scheduled = new Dictionary<int, (string? Name, DateTimeOffset At)>();
        var lines = new List<WorkflowHistoryEvent>();
        foreach (var e in document.RootElement.EnumerateArray())
        {
            var type = (EventType)Int(e, "EventType");
            var at = Time(e, "Timestamp") ?? DateTimeOffset.MinValue;
            switch (type)
            {
                case EventType.ExecutionStarted:
                    lines.Add(new WorkflowHistoryEvent(ExecutionStarted, Text(e, "Name"), at, "Started"));
                    break;
                case EventType.TaskScheduled:
                    scheduled[Int(e, "EventId")] = (Text(e, "Name"), at);
                    break;
                case EventType.TaskCompleted or EventType.TaskFailed:
                    // A worker killed after recording an episode and before deleting its message has the message
                    // delivered again: DTFx records the completion twice and the replay ignores the second one.
                    if (!scheduled.Remove(Int(e, "TaskScheduledId"), out var task))
                    {
                        break;
                    }
                    var failed = type == EventType.TaskFailed;
                    lines.Add(new WorkflowHistoryEvent(failed ? ActivityFailed : ActivityCompleted, task.Name, at, failed ? "Failed" : "Completed",
                        failed ? FailureOf(e) : null, DueTime: task.At));
                    break;
                case EventType.TimerFired:
                    lines.Add(new WorkflowHistoryEvent(TimerFired, null, at, "Fired", DueTime: Time(e, "FireAt")));
                    break;
                case EventType.EventRaised:
                    lines.Add(new WorkflowHistoryEvent(EventReceived, Text(e, "Name"), at, "Received"));
                    break;
                case EventType.ExecutionTerminated:
                    lines.Add(new WorkflowHistoryEvent(ExecutionTerminated, null, at, "Terminated", Text(e, "Input")));
                    break;
                case EventType.ExecutionCompleted:
                    var status = Int(e, "OrchestrationStatus");
                    var name = status == (int)DurableTask.Core.OrchestrationStatus.Failed ? ExecutionFailed
                        : status == (int)DurableTask.Core.OrchestrationStatus.Terminated ? ExecutionTerminated : ExecutionCompleted;
                    lines.Add(new WorkflowHistoryEvent(name, null, at, ((DurableTask.Core.OrchestrationStatus)status).ToString(),
                        name == ExecutionFailed ? FailureOf(e) : null));
                    break;
            }
        }
        return lines;
    }

    private static string? FailureOf(JsonElement e) =>
        e.TryGetProperty("FailureDetails", out var details) && details.ValueKind == JsonValueKind.Object ? Text(details, "ErrorMessage") : Text(e, "Reason");

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt32() : -1;

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static DateTimeOffset? Time(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.TryGetDateTime(out var time)
            ? new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc))
            : null;
}
