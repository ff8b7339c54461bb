using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>How long an active staff member has gone without signing in, in the buckets auditors ask for (30 and 90 days).</summary>
public static class Dormancy
{
    public const string Recent = "signed in within 30 days";
    public const string Dormant30 = "dormant 30+ days";
    public const string Dormant90 = "dormant 90+ days";
    public const string Never = "never signed in";

    /// <summary>The bucket for an active member, or <see cref="ReportFormat.None"/> for one who has no access anyway.</summary>
    public static string Of(StaffMember member, DateTimeOffset asOf)
    {
        if (member.Status != StaffStatus.Active)
        {
            return ReportFormat.None;
        }
        if (member.LastLoginAt is not { } last)
        {
            return Never;
        }
        var idle = asOf - last;
        return idle >= TimeSpan.FromDays(90) ? Dormant90 : idle >= TimeSpan.FromDays(30) ? Dormant30 : Recent;
    }
}
