using System.Text.Json;

namespace PenguinMails.Functions.Tests.Compliance;

/// <summary>Reads figures and section rows out of a report's JSON content.</summary>
public static class ReportAssertions
{
    public static string Figure(this JsonElement report, string key) =>
        report.GetProperty("summary").EnumerateArray().Single(f => f.GetProperty("key").GetString() == key).GetProperty("value").GetString()!;

    public static JsonElement Section(this JsonElement report, string key) =>
        report.GetProperty("sections").EnumerateArray().Single(s => s.GetProperty("key").GetString() == key);

    public static List<List<string>> Rows(this JsonElement report, string key) =>
        report.Section(key).GetProperty("rows").EnumerateArray().Select(r => r.EnumerateArray().Select(c => c.GetString()!).ToList()).ToList();

    /// <summary>The rows of a section as dictionaries keyed by column name.</summary>
    public static List<Dictionary<string, string>> Table(this JsonElement report, string key)
    {
        var columns = report.Section(key).GetProperty("columns").EnumerateArray().Select(c => c.GetString()!).ToList();
        return report.Rows(key).Select(r => columns.Zip(r).ToDictionary(p => p.First, p => p.Second)).ToList();
    }
}
