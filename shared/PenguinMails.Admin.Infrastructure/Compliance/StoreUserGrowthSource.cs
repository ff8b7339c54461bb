using PenguinMails.Admin.Compliance.Sources;
using PenguinMails.Admin.Users;

namespace PenguinMails.Admin.Infrastructure.Compliance;

/// <summary>
/// The monthly report's user growth from the users and tenants stores: only the users and tenants created in the
/// range are read (creation time only), and counted per week by <see cref="WeeklyGrowthTally"/>.
/// </summary>
public sealed class StoreUserGrowthSource(IPlatformGrowthReader reader) : IUserGrowthSource
{
    public async Task<SourceResult<IReadOnlyList<GrowthWeek>>> GetWeeklyGrowthAsync(DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        var tally = new WeeklyGrowthTally(from, to);
        var (start, end) = (WeeklyGrowthTally.Start(from), WeeklyGrowthTally.Start(to));
        await foreach (var user in reader.ReadUsersAsync(start, end, cancellationToken))
        {
            tally.AddUser(user.CreatedAt);
        }
        await foreach (var tenant in reader.ReadTenantsAsync(start, end, cancellationToken))
        {
            tally.AddTenant(tenant.CreatedAt);
        }
        return SourceResult<IReadOnlyList<GrowthWeek>>.Of(tally.Build());
    }
}
