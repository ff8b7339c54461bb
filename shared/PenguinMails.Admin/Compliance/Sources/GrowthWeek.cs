namespace PenguinMails.Admin.Compliance.Sources;

/// <summary>New platform users and tenants in the UTC week (Monday to Sunday) starting <see cref="WeekStart"/>.</summary>
public sealed record GrowthWeek(DateOnly WeekStart, int NewUsers, int NewTenants);
