using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Infrastructure.Users;
using PenguinMails.Admin.Users;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Users;

/// <summary>
/// Reading many users at once (bulk batches, search hits): every existing id is found with its ETag, a missing one
/// is absent, and the call count follows how the ids lie (counted, not timed).
/// </summary>
public sealed class UserBatchReadTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task ManyIdsOfOnePartition_AreReadByRange_InAFewCalls()
    {
        var seeded = await SeedAsync('a', 1500);
        var wanted = seeded.Where((_, i) => i % 5 != 0).ToList(); // 1,200 of them, with gaps
        var missing = new[] { seeded[0][..23] + "f", "a" + new string('0', 23) }.Where(id => !seeded.Contains(id)).ToList();
        var other = (await SeedAsync('b', 2)).ToList();

        var (found, calls) = await ReadAsync([.. wanted, .. missing, .. other]);

        Assert.Equal(wanted.Concat(other).Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        Assert.All(found, f => Assert.Equal(f.Key, f.Value.Value.Id));
        Assert.All(found.Values, v => Assert.False(string.IsNullOrEmpty(v.ETag)));
        Assert.Equal(4, calls); // two range pages of partition "a", two point reads of "b"
    }

    [Fact]
    public async Task SparseIds_StopTheScanAfterOnePoorPage_AndArePointReadFromThere()
    {
        var seeded = await SeedAsync('c', 4000);
        var wanted = seeded.Where((_, i) => i % 200 == 7).ToList(); // 20 ids, about 5 per 1,000 rows

        var (found, calls) = await ReadAsync(wanted);

        Assert.Equal(wanted.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        var inFirstPage = wanted.Count(id => string.CompareOrdinal(id, seeded[seeded.IndexOf(wanted[0]) + 999]) <= 0);
        Assert.Equal(1 + wanted.Count - inFirstPage, calls);
    }

    [Fact]
    public async Task AFewIds_ArePointReads()
    {
        var seeded = await SeedAsync('d', 30);
        var wanted = seeded.Take(5).Append("d" + new string('f', 23)).ToList();

        var (found, calls) = await ReadAsync(wanted);

        Assert.Equal(seeded.Take(5).Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(6, calls);
    }

    private async Task<(IReadOnlyDictionary<string, Admin.Common.Versioned<PlatformUser>> Found, long Calls)> ReadAsync(IReadOnlyCollection<string> ids)
    {
        var counter = factory.Services.GetRequiredService<StorageCallCounter>();
        var before = counter.Calls;
        var found = await factory.Services.GetRequiredService<IPlatformUserStore>().GetManyAsync(ids);
        return (found, counter.Calls - before);
    }

    /// <summary>Users whose ids all start with <paramref name="first"/> (one partition), written straight to the table, sorted.</summary>
    private async Task<List<string>> SeedAsync(char first, int count)
    {
        var now = DateTimeOffset.UtcNow;
        var users = Enumerable.Range(0, count).Select(i => new PlatformUser(first + PlatformUserIds.New()[1..], "readtenant", $"r{i}@read.example.com",
            $"Reader {i}", PlatformUserRoles.Member, PlatformUserStatus.Active, now, null, null)).ToList();
        await PlatformUserRowSeeder.WriteAsync(factory.Services.GetRequiredService<StorageClients>(), users, withIndex: false);
        return users.Select(u => u.Id).Order(StringComparer.Ordinal).ToList();
    }
}
