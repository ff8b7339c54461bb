using PenguinMails.Admin.Infrastructure.DataProtection;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.DataProtection;

/// <summary>`backup --to &lt;dir|blob:folder&gt;` and `restore --from &lt;dir|blob:folder&gt;`: every table the app registers.</summary>
public static class BackupCommands
{
    public static async Task<int> BackupAsync(WebApplication app, string destination)
    {
        var location = app.Services.GetRequiredService<BackupLocations>().Parse(destination);
        await CommandLine.InitializeStorageAsync(app);
        var manifest = await app.Services.GetRequiredService<TableBackup>().BackupAsync(location);
        foreach (var table in manifest.Tables)
        {
            Console.WriteLine($"{table.Table}: {table.Rows} rows, sha256 {table.Sha256}");
        }
        Console.WriteLine($"Backed up {manifest.Tables.Count} tables to {location.Description}");
        return 0;
    }

    public static async Task<int> RestoreAsync(WebApplication app, string source)
    {
        var location = app.Services.GetRequiredService<BackupLocations>().Parse(source);
        await CommandLine.InitializeStorageAsync(app);
        var manifest = await app.Services.GetRequiredService<TableBackup>().RestoreAsync(location);
        Console.WriteLine($"Restored {manifest.Tables.Count} tables ({manifest.Tables.Sum(t => t.Rows)} rows) from the backup of {manifest.CreatedAt:u}");
        return 0;
    }
}
