using System.Globalization;
using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>
/// A report's UTC period, [Start 00:00, End + 1 day 00:00): a Monday-to-Sunday week, a calendar month, or a calendar
/// quarter. The id is the type and start date, so each type and period has exactly one report.
/// </summary>
public sealed record ReportPeriod(ReportType Type, DateOnly Start, DateOnly End)
{
    private static readonly DateOnly Earliest = new(2000, 1, 1);

    public DateTimeOffset From => new(Start.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public DateTimeOffset Until => new(End.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The last instant inside the period, for APIs whose ranges are inclusive.</summary>
    public DateTimeOffset Last => Until.AddTicks(-1);

    public string Id => $"{Type.Name()}-{Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";

    /// <summary>The period starting at <paramref name="start"/>, which must be a Monday, a 1st, or a quarter's 1st.</summary>
    public static ReportPeriod Of(ReportType type, DateOnly start)
    {
        var validator = new Validator().When(start < Earliest, "periodStart", "periodStart must be in 2000 or later.");
        var period = type switch
        {
            ReportType.WeeklyAccess => Check(validator, start.DayOfWeek == DayOfWeek.Monday, "a Monday", new ReportPeriod(type, start, start.AddDays(6))),
            ReportType.MonthlySecurity => Check(validator, start.Day == 1, "the first day of a month", new ReportPeriod(type, start, start.AddMonths(1).AddDays(-1))),
            _ => Check(validator, start.Day == 1 && start.Month % 3 == 1, "the first day of a quarter (1 January, April, July or October)",
                new ReportPeriod(type, start, start.AddMonths(3).AddDays(-1))),
        };
        validator.ThrowIfInvalid();
        return period;
    }

    /// <summary>What a timer at <paramref name="now"/> reports on: the last full week or month, or the current quarter's review.</summary>
    public static ReportPeriod Latest(ReportType type, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        return type switch
        {
            ReportType.WeeklyAccess => Of(type, today.AddDays(-(((int)today.DayOfWeek + 6) % 7) - 7)),
            ReportType.MonthlySecurity => Of(type, new DateOnly(today.Year, today.Month, 1).AddMonths(-1)),
            _ => Of(type, new DateOnly(today.Year, ((today.Month - 1) / 3 * 3) + 1, 1)),
        };
    }

    /// <summary>
    /// Weekly and monthly reports cover a period that has ended. A review is a snapshot of access as it is, so only the
    /// current quarter's can be taken: a past quarter's access can't be frozen after the fact.
    /// </summary>
    public void EnsureCanGenerate(DateTimeOffset now)
    {
        if (Type == ReportType.QuarterlyAccessReview)
        {
            var current = Latest(Type, now);
            new Validator().When(Start != current.Start, "periodStart",
                $"Only the current quarter's review can be started; use {current.Start.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.").ThrowIfInvalid();
            return;
        }
        new Validator().When(Until > now, "periodStart", "The period has not ended yet; a report covers a complete period.").ThrowIfInvalid();
    }

    /// <summary>Reads an id such as <c>weekly-access-2026-11-16</c>; false for anything else.</summary>
    public static bool TryParseId(string? id, out ReportPeriod period)
    {
        period = null!;
        if (id is null || id.Length < 12 || !ReportTypes.TryParse(id[..^11], out var type) || id[^11] != '-'
            || !DateOnly.TryParseExact(id[^10..], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
        {
            return false;
        }
        try
        {
            period = Of(type, start);
            return true;
        }
        catch (AdminException)
        {
            return false;
        }
    }

    private static ReportPeriod Check(Validator validator, bool aligned, string what, ReportPeriod period)
    {
        validator.When(!aligned, "periodStart", $"A {period.Type.Name()} report's periodStart must be {what}.");
        return period;
    }
}
