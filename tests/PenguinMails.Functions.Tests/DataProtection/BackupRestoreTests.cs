using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.DataProtection;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using static PenguinMails.Functions.Tests.Secrets.SecretsRequests;

namespace PenguinMails.Functions.Tests.DataProtection;

/// <summary>Backup, wipe, restore on real Azurite: every table comes back exactly, and the audit chain still verifies.</summary>
public sealed class BackupRestoreTests(BackupRestoreTests.QuietAppFactory factory) : IClassFixture<BackupRestoreTests.QuietAppFactory>
{
    /// <summary>The monitoring flusher writes its per-minute rows in the background; keep it from writing mid-comparison.</summary>
    public sealed class QuietAppFactory() : AdminAppFactory(new Dictionary<string, string?> { ["Monitoring:FlushIntervalSeconds"] = "86400" });

    private StorageClients Storage => factory.Services.GetRequiredService<StorageClients>();
    private IReadOnlyCollection<string> Tables => factory.Services.GetRequiredService<StorageResources>().Tables;
    private TableBackup Backup => factory.Services.GetRequiredService<TableBackup>();
    private BackupLocations Locations => factory.Services.GetRequiredService<BackupLocations>();

    [Theory]
    [InlineData("directory")]
    [InlineData("blob")]
    public async Task BackupWipeRestore_ReproducesEveryTableExactly_AndTheAuditChainStillVerifies(string kind)
    {
        var (client, name, value) = await PopulateAsync();
        var before = await TableSnapshot.TakeAsync(Storage, Tables);
        var location = Locations.Parse(kind == "blob" ? "blob:test-" + Guid.NewGuid().ToString("N") : Directory.CreateTempSubdirectory("pm-backup-").FullName);

        var manifest = await Backup.BackupAsync(location);
        await WipeAsync();
        await Backup.RestoreAsync(location);
        var after = await TableSnapshot.TakeAsync(Storage, Tables);

        Assert.Equal(Tables.Order(StringComparer.Ordinal), manifest.Tables.Select(t => t.Table));
        Assert.Equal(TableSnapshot.RowCount(before), manifest.Tables.Sum(t => t.Rows));
        Assert.Equal(before, after);
        var verify = await (await client.GetAsync("/api/audit/verify")).ReadJsonAsync();
        Assert.True(verify.GetProperty("valid").GetBoolean());
        Assert.True(verify.GetProperty("checked").GetInt32() > 0);
        Assert.Equal(value, await RevealValueAsync(client, name));
    }

    [Fact]
    public async Task ATamperedBackup_IsRefused_BeforeAnythingIsWritten()
    {
        await PopulateAsync();
        var directory = Directory.CreateTempSubdirectory("pm-backup-").FullName;
        var manifest = await Backup.BackupAsync(Locations.Parse(directory));
        var file = Path.Combine(directory, manifest.Tables.First(t => t.Rows > 0).File);
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"pk\"", "\"pk\" ", StringComparison.Ordinal));
        await WipeAsync();

        var error = await Assert.ThrowsAsync<AdminException>(() => Backup.RestoreAsync(Locations.Parse(directory)));
        Assert.Equal("backup_invalid", error.Code);
        Assert.Equal(0, TableSnapshot.RowCount(await TableSnapshot.TakeAsync(Storage, Tables)));
    }

    [Fact]
    public async Task RestoringOverData_IsRefused_AndChangesNothing()
    {
        await PopulateAsync();
        var directory = Directory.CreateTempSubdirectory("pm-backup-").FullName;
        await Backup.BackupAsync(Locations.Parse(directory));
        var before = await TableSnapshot.TakeAsync(Storage, Tables);

        var error = await Assert.ThrowsAsync<AdminException>(() => Backup.RestoreAsync(Locations.Parse(directory)));
        Assert.Equal(409, error.Status);
        Assert.Equal(before, await TableSnapshot.TakeAsync(Storage, Tables));
    }

    /// <summary>Staff, sessions, secrets (one rotated, one deleted), settings, and the audit events all of that wrote.</summary>
    private async Task<(HttpClient Client, string Name, string Value)> PopulateAsync()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var (name, value, gone) = (NewName(), NewValue(), NewName());
        await CreateAsync(client, name, NewValue(), new() { ["classification"] = "restricted" }, DateTimeOffset.UtcNow.AddDays(30));
        await (await client.PutAsJsonAsync($"{Route}/{name}", new { value })).ReadJsonAsync();
        await CreateAsync(client, gone, NewValue());
        await DeleteAsync(client, gone);
        await (await client.PutAsJsonAsync("/api/settings/data-protection",
            new { values = new { retentionDays = new { sessions = 30, audit = 400, reports = 400, webhookPayloads = 30 } } })).ReadJsonAsync();
        await (await RevealAsync(client, name)).ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/me")).StatusCode);
        return (client, name, value);
    }

    private async Task WipeAsync()
    {
        foreach (var table in Tables)
        {
            await Storage.Table(table).DeleteAsync();
        }
    }
}
