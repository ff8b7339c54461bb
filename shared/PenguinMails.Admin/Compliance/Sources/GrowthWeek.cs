namespace PenguinMails.Admin.Compliance.Sources;

/// <summary>
/// New platform users and tenants in one UTC week (Monday to Sunday) of a range. <see cref="WeekStart"/> is the
/// Monday, or the range's first day when the range starts mid-week; a week is cut where the range ends.
/// </summary>
public sealed record GrowthWeek(DateOnly WeekStart, int NewUsers, int NewTenants);
