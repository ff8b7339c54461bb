using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Compliance.Reports;

public static class ReportTypes
{
    public static readonly IReadOnlyDictionary<ReportType, string> Names = new Dictionary<ReportType, string>
    {
        [ReportType.WeeklyAccess] = "weekly-access",
        [ReportType.MonthlySecurity] = "monthly-security",
        [ReportType.QuarterlyAccessReview] = "quarterly-access-review",
    };

    public static string Name(this ReportType type) => Names[type];

    public static string Title(this ReportType type) => type switch
    {
        ReportType.WeeklyAccess => "Weekly access report",
        ReportType.MonthlySecurity => "Monthly security report",
        _ => "Quarterly access review",
    };

    public static bool TryParse(string? name, out ReportType type)
    {
        foreach (var (candidate, candidateName) in Names)
        {
            if (candidateName == name)
            {
                type = candidate;
                return true;
            }
        }
        type = default;
        return false;
    }

    /// <summary>Parses a type from a request; an unknown one is a 400 naming the allowed values.</summary>
    public static ReportType Parse(string field, string? name) => TryParse(name, out var type)
        ? type
        : throw AdminException.Validation(field, $"'{name}' is not one of: {string.Join(", ", Names.Values)}.");
}
