using System.Text.Json;
using Azure.Data.Tables;
using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>Maps audit events to table rows and back. Index rows carry a full copy, so filtered reads never join.</summary>
internal static class AuditEntityMapper
{
    public static TableEntity ToEntity(AuditEvent e, string partitionKey, string rowKey) => new(partitionKey, rowKey)
    {
        ["EventId"] = e.Id,
        ["ChainPartition"] = e.Partition,
        ["Sequence"] = e.Sequence,
        ["Time"] = e.Time,
        ["ActorId"] = e.ActorId,
        ["ActorEmail"] = e.ActorEmail,
        ["Action"] = e.Action,
        ["TargetType"] = e.TargetType,
        ["TargetId"] = e.TargetId,
        ["Before"] = e.Before?.GetRawText(),
        ["After"] = e.After?.GetRawText(),
        ["Reason"] = e.Reason,
        ["Outcome"] = e.Outcome,
        ["IpAddress"] = e.IpAddress,
        ["UserAgent"] = e.UserAgent,
        ["CorrelationId"] = e.CorrelationId,
        ["PreviousHash"] = e.PreviousHash,
        ["Hash"] = e.Hash,
    };

    public static AuditEvent ToEvent(TableEntity e) => new(
        e.GetString("EventId"), e.GetString("ChainPartition"), e.GetInt64("Sequence") ?? 0, e.GetDateTimeOffset("Time")!.Value,
        e.GetString("ActorId"), e.GetString("ActorEmail"), e.GetString("Action"), e.GetString("TargetType"), e.GetString("TargetId"),
        Json(e.GetString("Before")), Json(e.GetString("After")), e.GetString("Reason"), e.GetString("Outcome"),
        e.GetString("IpAddress"), e.GetString("UserAgent"), e.GetString("CorrelationId"), e.GetString("PreviousHash"), e.GetString("Hash"));

    /// <summary>The chain row of an event, from its partition (a segment id, or a legacy day) and sequence.</summary>
    public static (string PartitionKey, string RowKey) ChainKeys(string partition, long sequence)
    {
        if (partition.Contains('.', StringComparison.Ordinal))
        {
            var (hour, lane) = AuditLanes.ParseSegment(partition);
            return (lane, AuditLanes.EventRowKey(hour, sequence));
        }
        return (partition, ChainRowKey(sequence));
    }

    /// <summary>Legacy day chains: row keys sort newest first, the inverted sequence, zero-padded.</summary>
    public static string ChainRowKey(long sequence) => (long.MaxValue - sequence).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    public static string IndexRowKey(AuditEvent e) => InvertedTime(e.Time) + "-" + e.Id;

    /// <summary>
    /// Target index rows share a partition per first character of the target id ("target|{c}", row key
    /// "{targetId}|{index row key}"), so the events of a bulk operation over many users go out in a few
    /// transactions instead of one write per user. A target's events are one key range of that partition.
    /// </summary>
    public static string TargetPartition(string targetId) =>
        "target|" + (targetId.Length > 0 && targetId[0] is not ('/' or '\\' or '#' or '?') && !char.IsControl(targetId[0]) ? targetId[0] : '_');

    public static string TargetRowKey(AuditEvent e) => e.TargetId + "|" + IndexRowKey(e);

    /// <summary>
    /// The index rows every event is copied to, what <c>GET /api/audit</c> reads: the "all" partition and the actor's,
    /// keyed by time, and the target's bucket, keyed by target then time.
    /// </summary>
    public static IReadOnlyList<(string PartitionKey, string RowKey)> IndexKeys(AuditEvent e) =>
    [
        ("all", IndexRowKey(e)),
        ("actor|" + e.ActorId, IndexRowKey(e)),
        (TargetPartition(e.TargetId), TargetRowKey(e)),
    ];

    /// <summary>Whether an index partition is a target bucket, whose row keys start with the target id rather than the time.</summary>
    public static bool IsTargetPartition(string partitionKey) => partitionKey.StartsWith("target|", StringComparison.Ordinal);

    /// <summary>Every target bucket's rows whose event time is in [from, to] (a scan of the buckets, filtered by the store).</summary>
    public static string TargetTimeRange(DateTimeOffset from, DateTimeOffset to) =>
        $"PartitionKey ge 'target|' and PartitionKey lt 'target}}' and Time ge datetime'{from.UtcDateTime:O}' and Time le datetime'{to.UtcDateTime:O}'";

    /// <summary>
    /// Where an index row of the event lived before target rows were bucketed: one partition per target id, keyed by
    /// time. <c>rebuild-audit-index</c> moves such rows; null when the old key is the current one.
    /// </summary>
    public static (string PartitionKey, string RowKey)? LegacyTargetKey(AuditEvent e) =>
        "target|" + e.TargetId == TargetPartition(e.TargetId) && IndexRowKey(e) == TargetRowKey(e) ? null : ("target|" + e.TargetId, IndexRowKey(e));

    /// <summary>The filter for one target's rows: its key range, and the exact id (a target id may itself contain '|').</summary>
    public static string TargetFilter(string targetId, Func<string, string> escape) =>
        $"PartitionKey eq '{escape(TargetPartition(targetId))}' and RowKey gt '{escape(targetId + "|")}' and RowKey lt '{escape(targetId + "}")}' " +
        $"and TargetId eq '{escape(targetId)}'";

    /// <summary>A row-key filter for index rows whose time is in [from, to]: a key range, so the store reads only those rows.</summary>
    public static string IndexTimeRange(DateTimeOffset from, DateTimeOffset to) =>
        $"RowKey ge '{InvertedTime(to)}' and RowKey lt '{InvertedTime(from)}.'";

    private static string InvertedTime(DateTimeOffset time) =>
        (DateTimeOffset.MaxValue.UtcTicks - time.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture);

    private static JsonElement? Json(string? raw) => raw is null ? null : JsonDocument.Parse(raw).RootElement.Clone();
}
