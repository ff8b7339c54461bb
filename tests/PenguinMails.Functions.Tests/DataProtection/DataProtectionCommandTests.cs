using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using static PenguinMails.Functions.Tests.Secrets.SecretsRequests;

namespace PenguinMails.Functions.Tests.DataProtection;

/// <summary>`backup`, `restore` and the feature's timers run as real processes, as an operator runs them.</summary>
public sealed class DataProtectionCommandTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    [Fact]
    public async Task BackupThenRestoreIntoAnEmptyStore_ReproducesEveryTable_AndASecondRestoreIsRefused()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        await CreateAsync(client, NewName(), NewValue());
        await (await client.PutAsJsonAsync("/api/settings/data-protection",
            new { values = new { retentionDays = new { sessions = 30, audit = 400, reports = 400, webhookPayloads = 30 } } })).ReadJsonAsync();
        var tables = factory.Services.GetRequiredService<StorageResources>().Tables;
        var before = await TableSnapshot.TakeAsync(factory.Services.GetRequiredService<StorageClients>(), tables);
        var directory = Directory.CreateTempSubdirectory("pm-cli-backup-").FullName;
        var target = TestEnvironment.NewStoragePrefix();

        var backup = await AppProcess.RunAsync(factory.StoragePrefix, "backup", "--to", directory);
        var restore = await AppProcess.RunAsync(target, "restore", "--from", directory);
        var again = await AppProcess.RunAsync(target, "restore", "--from", directory);

        Assert.True(backup.ExitCode == 0, backup.Output + backup.Error);
        Assert.Contains($"Backed up {tables.Count} tables", backup.Output);
        Assert.True(restore.ExitCode == 0, restore.Output + restore.Error);
        var restored = new StorageClients(new StorageOptions { ConnectionString = TestEnvironment.StorageConnectionString, Prefix = target });
        Assert.Equal(before, await TableSnapshot.TakeAsync(restored, tables));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("not empty", again.Error);
    }

    [Fact]
    public async Task ABlobBackupLocation_MustNameAFolder()
    {
        var (exit, _, error) = await AppProcess.RunAsync(TestEnvironment.NewStoragePrefix(), "backup", "--to", "blob:../x");
        Assert.Equal(1, exit);
        Assert.Contains("blob:<folder>", error);
    }

    [Theory]
    [InlineData("DataRetention", "audit: archived 0, deleted 0")]
    [InlineData("SecretExpiryScan", "0 new alert(s) raised.")]
    public async Task TheFeatureTimers_RunFromTheCommandLine(string timer, string expected)
    {
        var (exit, output, error) = await AppProcess.RunAsync(TestEnvironment.NewStoragePrefix(), "run-timer", timer);
        Assert.True(exit == 0, output + error);
        Assert.Contains(expected, output);
    }
}
