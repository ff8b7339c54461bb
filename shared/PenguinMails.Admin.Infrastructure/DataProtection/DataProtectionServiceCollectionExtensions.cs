using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.DataProtection;
using PenguinMails.Admin.Infrastructure.DataProtection;

namespace PenguinMails.Admin.Infrastructure;

public static class DataProtectionServiceCollectionExtensions
{
    /// <summary>The <c>data-protection</c> settings, the retention targets of sessions and audit, and backup and restore.</summary>
    public static IServiceCollection AddDataProtectionInfrastructure(this IServiceCollection services)
    {
        services.AddStorageTables(TableDataProtectionSettingsStore.TableName);
        services.AddStorageContainers(AuditRetention.ContainerName, BlobBackupLocation.ContainerName);
        services.AddSingleton<IDataProtectionSettingsStore, TableDataProtectionSettingsStore>();
        services.AddPlatformDataProtection();
        services.AddSingleton<IRetentionTarget, AuditRetention>();
        services.AddSingleton<TableBackup>();
        services.AddSingleton<BackupLocations>();
        return services;
    }
}
