using System.Globalization;

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>How values are written in reports: UTC, ISO dates, invariant numbers.</summary>
public static class ReportFormat
{
    public const string None = "—";

    public static string Time(DateTimeOffset? value) =>
        value is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) : None;

    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string List(IEnumerable<string> values)
    {
        var text = string.Join(", ", values);
        return text.Length == 0 ? None : text;
    }

    public static string Duration(TimeSpan value) => value.TotalHours >= 1
        ? $"{(int)value.TotalHours} h {value.Minutes} min"
        : $"{Math.Max(0, (int)Math.Round(value.TotalMinutes))} min";

    public static string YesNo(bool value) => value ? "yes" : "no";
}
