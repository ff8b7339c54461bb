using System.Text.Json;
using DurableTask.Core.History;
using PenguinMails.Admin.Infrastructure.Workflows;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Functions.Tests.Workflows;

/// <summary>The status API's history from DTFx's, as a crash leaves it (the crash tests produce it on the real engine, when the timing allows).</summary>
public sealed class WorkflowHistoryMapperTests
{
    [Fact]
    public void ACompletionRecordedTwice_AfterItsMessageWasDeliveredAgain_IsShownOnce()
    {
        var history = JsonSerializer.Serialize(new object[]
        {
            new { EventType = (int)EventType.ExecutionStarted, EventId = -1, Name = "crash-test", Timestamp = "2026-12-03T08:00:00Z" },
            new { EventType = (int)EventType.TaskScheduled, EventId = 0, Name = "Reserve", Timestamp = "2026-12-03T08:00:01Z" },
            new { EventType = (int)EventType.TaskCompleted, EventId = -1, TaskScheduledId = 0, Timestamp = "2026-12-03T08:00:02Z" },
            new { EventType = (int)EventType.TaskScheduled, EventId = 1, Name = "Charge", Timestamp = "2026-12-03T08:00:02Z" },
            new { EventType = (int)EventType.TaskCompleted, EventId = -1, TaskScheduledId = 0, Timestamp = "2026-12-03T08:00:09Z" },
            new { EventType = (int)EventType.TaskCompleted, EventId = -1, TaskScheduledId = 1, Timestamp = "2026-12-03T08:00:09Z" },
        });

        var lines = WorkflowHistoryMapper.Map(history);

        Assert.Equal([(WorkflowHistoryEventTypes.ExecutionStarted, "crash-test"), (WorkflowHistoryEventTypes.ActivityCompleted, "Reserve"),
            (WorkflowHistoryEventTypes.ActivityCompleted, "Charge")], lines.Select(l => (l.EventType, l.Name)));
        Assert.Equal(DateTimeOffset.Parse("2026-12-03T08:00:02Z"), lines[1].Timestamp);
    }
}
