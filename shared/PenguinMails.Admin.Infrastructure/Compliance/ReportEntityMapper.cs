using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using PenguinMails.Admin.Compliance.Reports;

namespace PenguinMails.Admin.Infrastructure.Compliance;

/// <summary>
/// Report index rows. The row key is the inverted period start then the type, so the list is the latest period first,
/// and an id maps to its row key without a lookup.
/// </summary>
internal static class ReportEntityMapper
{
    public const string Partition = "report";

    public static string? RowKeyOf(string id) =>
        ReportPeriod.TryParseId(id, out var period) ? RowKey(period.Type, period.Start) : null;

    public static string RowKey(ReportType type, DateOnly start) =>
        (DateOnly.MaxValue.DayNumber - start.DayNumber).ToString("D7", CultureInfo.InvariantCulture) + "-" + type.Name();

    public static TableEntity ToEntity(ReportRecord r) => new(Partition, RowKey(r.Type, r.PeriodStart))
    {
        ["Id"] = r.Id,
        ["Type"] = r.Type.Name(),
        ["PeriodStart"] = ReportFormat.Date(r.PeriodStart),
        ["PeriodEnd"] = ReportFormat.Date(r.PeriodEnd),
        ["Status"] = r.Status.ToString(),
        ["CreatedAt"] = r.CreatedAt,
        ["CreatedBy"] = r.CreatedBy,
        ["CompletedAt"] = r.CompletedAt,
        ["Sha256"] = r.Sha256,
        ["Summary"] = JsonSerializer.Serialize(r.Summary, ReportJson.Options),
        ["ReviewClosedAt"] = r.ReviewClosedAt,
        ["ReviewClosedBy"] = r.ReviewClosedBy,
    };

    public static ReportRecord ToRecord(TableEntity e)
    {
        ReportTypes.TryParse(e.GetString("Type"), out var type);
        return new ReportRecord(e.GetString("Id"), type, DateOnly.ParseExact(e.GetString("PeriodStart"), "yyyy-MM-dd", CultureInfo.InvariantCulture),
            DateOnly.ParseExact(e.GetString("PeriodEnd"), "yyyy-MM-dd", CultureInfo.InvariantCulture), Enum.Parse<ReportStatus>(e.GetString("Status")),
            e.GetDateTimeOffset("CreatedAt")!.Value, e.GetString("CreatedBy"), e.GetDateTimeOffset("CompletedAt"), e.GetString("Sha256"),
            JsonSerializer.Deserialize<List<ReportFigure>>(e.GetString("Summary") ?? "[]", ReportJson.Options) ?? [], e.GetDateTimeOffset("ReviewClosedAt"),
            e.GetString("ReviewClosedBy"));
    }
}
