using System.Globalization;

namespace PenguinMails.Admin.Infrastructure.Monitoring;

/// <summary>
/// Row keys for monitoring tables. Minute and hour partitions sort as text in time order, so a window is one
/// range query; names are made safe for keys (no '/', '\', '#', '?' or control characters).
/// </summary>
internal static class MonitoringKeys
{
    public static string Minute(DateTimeOffset minute) => minute.UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);

    public static string Hour(DateTimeOffset hour) => hour.UtcDateTime.ToString("yyyyMMddHH", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseMinute(string text) =>
        new(DateTime.ParseExact(text, "yyyyMMddHHmm", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    public static DateTimeOffset ParseHour(string text) =>
        new(DateTime.ParseExact(text, "yyyyMMddHH", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal), TimeSpan.Zero);

    public static string Safe(string value) =>
        string.Create(value.Length, value, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is '/' or '\\' or '#' or '?' || char.IsControl(c) ? '_' : c;
            }
        });
}
