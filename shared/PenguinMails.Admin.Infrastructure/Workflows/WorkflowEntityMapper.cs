using System.Text.Json;
using Azure.Data.Tables;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>Maps an instance to its "instance" row and history lines to "history-NNNNNN" rows, all in the instance's partition.</summary>
internal static class WorkflowEntityMapper
{
    public const string InstanceRowKey = "instance";
    private const string HistoryPrefix = "history-";

    public static string HistoryRowKey(int number) => HistoryPrefix + number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);

    public static bool IsHistoryRow(TableEntity e) => e.RowKey.StartsWith(HistoryPrefix, StringComparison.Ordinal);

    public static TableEntity ToEntity(WorkflowInstance i)
    {
        var e = new TableEntity(i.Id, InstanceRowKey)
        {
            ["Type"] = i.Type,
            ["Status"] = i.Status.ToString(),
            ["CustomStatus"] = i.CustomStatus,
            ["CreatedTime"] = i.CreatedTime,
            ["LastUpdatedTime"] = i.LastUpdatedTime,
            ["StartedById"] = i.StartedBy.Id,
            ["StartedByEmail"] = i.StartedBy.Email,
            ["StartedByRoles"] = JsonSerializer.Serialize(i.StartedBy.Roles),
            ["Execution"] = i.Execution,
            ["StepIndex"] = i.StepIndex,
            ["Attempt"] = i.Attempt,
            ["Sequence"] = i.Sequence,
            ["DueAt"] = i.DueAt,
            ["TimeoutAt"] = i.TimeoutAt,
            ["LeaseOwner"] = i.LeaseOwner,
            ["LeaseUntil"] = i.LeaseUntil,
            ["Error"] = i.Error,
            ["HistoryCount"] = i.HistoryCount,
        };
        TableText.Set(e, "Input", i.Input?.GetRawText());
        TableText.Set(e, "Output", i.Output?.GetRawText());
        TableText.Set(e, "StepOutputs", JsonSerializer.Serialize(i.StepOutputs));
        TableText.Set(e, "PendingEvents", JsonSerializer.Serialize(i.PendingEvents, JsonSerializerOptions.Web));
        return e;
    }

    public static WorkflowInstance ToInstance(TableEntity e) => new(
        e.PartitionKey,
        e.GetString("Type"),
        Enum.Parse<WorkflowRuntimeStatus>(e.GetString("Status")),
        Json(TableText.Get(e, "Input")),
        Json(TableText.Get(e, "Output")),
        e.GetString("CustomStatus"),
        e.GetDateTimeOffset("CreatedTime")!.Value,
        e.GetDateTimeOffset("LastUpdatedTime")!.Value,
        new WorkflowStarter(e.GetString("StartedById"), e.GetString("StartedByEmail"),
            JsonSerializer.Deserialize<List<string>>(e.GetString("StartedByRoles")) ?? []),
        e.GetInt32("Execution") ?? 1,
        e.GetInt32("StepIndex") ?? 0,
        e.GetInt32("Attempt") ?? 1,
        e.GetInt64("Sequence") ?? 0,
        e.GetDateTimeOffset("DueAt"),
        e.GetDateTimeOffset("TimeoutAt"),
        e.GetString("LeaseOwner"),
        e.GetDateTimeOffset("LeaseUntil"),
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(TableText.Get(e, "StepOutputs") ?? "{}") ?? [],
        JsonSerializer.Deserialize<List<RaisedEvent>>(TableText.Get(e, "PendingEvents") ?? "[]", JsonSerializerOptions.Web) ?? [],
        e.GetString("Error"),
        e.GetInt32("HistoryCount") ?? 0);

    public static TableEntity ToEntity(string instanceId, int number, WorkflowHistoryEvent h)
    {
        var e = new TableEntity(instanceId, HistoryRowKey(number))
        {
            ["EventType"] = h.EventType,
            ["Name"] = h.Name,
            ["Time"] = h.Timestamp,
            ["Status"] = h.Status,
            ["DueTime"] = h.DueTime,
            ["StartedTime"] = h.StartedTime,
        };
        TableText.Set(e, "Detail", h.Detail);
        return e;
    }

    public static WorkflowHistoryEvent ToHistory(TableEntity e) => new(
        e.GetString("EventType"), e.GetString("Name"), e.GetDateTimeOffset("Time")!.Value, e.GetString("Status"), TableText.Get(e, "Detail"),
        e.GetDateTimeOffset("DueTime"), e.GetDateTimeOffset("StartedTime"));

    private static JsonElement? Json(string? raw) => raw is null ? null : JsonDocument.Parse(raw).RootElement.Clone();
}
