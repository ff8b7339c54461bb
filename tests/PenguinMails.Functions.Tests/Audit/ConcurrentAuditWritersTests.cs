using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Audit;

/// <summary>Two app instances on one storage account, each with several concurrent writers, leave chains that verify.</summary>
public sealed class ConcurrentAuditWritersTests
{
    [Fact]
    public async Task TwoInstancesAppendingConcurrently_LeaveValidChains_WithEveryEventOnce()
    {
        var prefix = TestEnvironment.NewStoragePrefix();
        var settings = new Dictionary<string, string?> { ["Storage:Prefix"] = prefix, ["Audit:Lanes"] = "4" };
        await using var first = AdminAppFactory.WithSettings(settings);
        await using var second = AdminAppFactory.WithSettings(settings);
        var (auditor, _) = await TestStaff.SignInAsync(first, RoleCatalog.Auditor);
        var logs = new[] { first.Services.GetRequiredService<IAuditLog>(), second.Services.GetRequiredService<IAuditLog>() };

        var appended = await Task.WhenAll(logs.SelectMany((log, instance) => Enumerable.Range(0, 6).Select(writer => Task.Run(async () =>
        {
            var ids = new List<string>();
            for (var i = 0; i < 10; i++)
            {
                ids.Add((await log.AppendAsync(new AuditEntry(Actor.System("writer"), "settings.update", "setting", $"i{instance}-w{writer}-{i}"))).Id);
            }
            return ids;
        }))));

        var verify = await (await auditor.GetAsync("/api/audit/verify")).ReadJsonAsync();
        Assert.True(verify.GetProperty("valid").GetBoolean(), verify.ToString());
        var all = await logs[0].ReadAsync(DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddMinutes(1)).Select(e => e.Id).ToListAsync();
        var written = appended.SelectMany(ids => ids).ToList();
        Assert.Equal(120, written.Distinct().Count());
        Assert.All(written, id => Assert.Contains(id, all));
        Assert.True(verify.GetProperty("chains").GetInt32() > 1);
    }
}
