using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Staff;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Benchmarks.Compliance;

/// <summary>
/// Writes staff rows (and their email rows) with the store's own mapping, 100 per entity-group transaction, with a
/// spread of roles, statuses and last sign-ins that puts people in every dormancy bucket.
/// </summary>
public static class StaffSeeder
{
    private static readonly string[] Roles =
    [
        RoleCatalog.SupportAgent, RoleCatalog.SupportAgent, RoleCatalog.SupportAgent, RoleCatalog.UserManager, RoleCatalog.Finance,
        RoleCatalog.Auditor, RoleCatalog.SecurityOfficer, RoleCatalog.Admin,
    ];

    public static async Task<IReadOnlyList<string>> SeedAsync(StorageClients storage, int count, DateTimeOffset now)
    {
        var members = Enumerable.Range(0, count).Select(i => Member(i, now)).ToList();
        var table = storage.Table(TableStaffStore.TableName);
        var batches = members.Chunk(100).SelectMany(chunk => new[] { chunk.Select(TableStaffStore.ToEntity), chunk.Select(TableStaffStore.ToEmailEntity) });
        await Parallel.ForEachAsync(batches, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (rows, ct) =>
            await table.SubmitTransactionAsync(rows.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), ct));
        return members.Select(m => m.Id).ToList();
    }

    private static StaffMember Member(int i, DateTimeOffset now)
    {
        var random = new Random(i);
        var id = SessionTokens.NewId();
        var roles = i == 0 ? [RoleCatalog.SuperAdmin] : new[] { Roles[random.Next(Roles.Length)] };
        var status = random.Next(20) == 0 ? StaffStatus.Suspended : StaffStatus.Active;
        DateTimeOffset? lastLogin = random.Next(10) == 0 ? null : now.AddHours(-random.Next(0, 200 * 24));
        return new StaffMember(id, $"staff-{i:D5}-{id[..8]}@penguinmails.test", $"Staff {i:D5}", roles, status, SessionTokens.NewId(), now.AddDays(-400),
            lastLogin);
    }
}
