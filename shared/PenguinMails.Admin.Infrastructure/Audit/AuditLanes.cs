using System.Globalization;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>
/// The layout of the sharded chains in the <c>AuditLog</c> table. Each writer lane is one partition (<c>lane-03</c>)
/// with one <c>head</c> row; its events are cut into hourly segments (<c>2026-12-02T15.lane-03</c>), each of which
/// starts from the previous segment's final hash. When a lane moves to a new hour, the old segment's seal row
/// (<c>s|...</c>) is written in the same transaction as the new segment's first event. Partitions named by a day
/// (<c>2026-11-25</c>) are the legacy per-day chains written before lanes existed.
/// </summary>
internal static class AuditLanes
{
    public const string HeadRowKey = "head";
    public const string LanePrefix = "lane-";
    public const string EventPrefix = "e|";
    public const string SealPrefix = "s|";

    public static string Lane(int index) => LanePrefix + index.ToString("D2", CultureInfo.InvariantCulture);

    public static bool IsLane(string partitionKey) => partitionKey.StartsWith(LanePrefix, StringComparison.Ordinal);

    /// <summary>The hour a time falls in, as a segment's hour: <c>2026-12-02T15</c>.</summary>
    public static string Hour(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture);

    public static DateTimeOffset HourStart(string hour) =>
        new(DateTime.ParseExact(hour, "yyyy-MM-dd'T'HH", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal), TimeSpan.Zero);

    public static string Segment(string hour, string lane) => hour + "." + lane;

    public static (string Hour, string Lane) ParseSegment(string segment)
    {
        var dot = segment.IndexOf('.', StringComparison.Ordinal);
        if (dot != 13 || !IsLane(segment[(dot + 1)..]))
        {
            throw new FormatException($"'{segment}' is not an audit segment id.");
        }
        return (segment[..dot], segment[(dot + 1)..]);
    }

    public static string EventRowKey(string hour, long sequence) =>
        EventPrefix + hour + "|" + sequence.ToString("D19", CultureInfo.InvariantCulture);

    /// <summary>Seals sort by hour, oldest first, like events.</summary>
    public static string SealRowKey(string hour) => SealPrefix + hour;

    /// <summary>A row-key filter for the events of the hours in [fromHour, toHour].</summary>
    public static string EventRange(string fromHour, string toHour) =>
        $"RowKey ge '{EventPrefix}{fromHour}|' and RowKey lt '{EventPrefix}{toHour}}}'";

    public static string SealRange(string fromHour, string toHour) =>
        $"RowKey ge '{SealPrefix}{fromHour}' and RowKey le '{SealPrefix}{toHour}'";

    public static IEnumerable<string> HoursBetween(DateTimeOffset from, DateTimeOffset to)
    {
        for (var hour = HourStart(Hour(from)); hour <= to; hour = hour.AddHours(1))
        {
            yield return Hour(hour);
        }
    }
}
