using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Infrastructure.Audit;

namespace PenguinMails.Admin.Infrastructure;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The hash-chained audit log and its indexes on Azure Tables, the index rebuild queue and the Blob archive.</summary>
    public static IServiceCollection AddAuditInfrastructure(this IServiceCollection services)
    {
        services.AddStorageTables(TableAuditLog.ChainTable, TableAuditLog.IndexTable);
        services.AddStorageQueues(AuditIndexQueue.Name);
        services.AddStorageContainers(BlobAuditArchive.Container);
        services.AddSingleton<TableAuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<TableAuditLog>());
        services.AddSingleton<BlobAuditArchive>();
        return services;
    }
}
