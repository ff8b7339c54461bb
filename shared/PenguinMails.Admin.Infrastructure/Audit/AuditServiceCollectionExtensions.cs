using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Infrastructure.Audit;

namespace PenguinMails.Admin.Infrastructure;

public static class AuditServiceCollectionExtensions
{
    /// <summary>
    /// The sharded, hash-chained audit log and its indexes on Azure Tables, its signed digests (key in the vault) in
    /// append blobs, its verifier, the index rebuild queue and the Blob archive.
    /// </summary>
    public static IServiceCollection AddAuditInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Audit").Get<AuditOptions>() ?? new AuditOptions();
        if (options.Lanes is < 1 or > 64)
        {
            throw new InvalidOperationException($"Audit__Lanes must be between 1 and 64 (it is {options.Lanes}).");
        }
        services.AddSingleton(options);
        services.AddStorageTables(TableAuditLog.ChainTable, TableAuditLog.IndexTable);
        services.AddStorageQueues(AuditIndexQueue.Name, AuditDigestQueue.Name);
        services.AddStorageContainers(BlobAuditArchive.Container, BlobAuditDigestStore.Container);
        services.AddSingleton<BlobAuditDigestStore>();
        services.AddSingleton<IAuditDigestSigner, VaultAuditDigestSigner>();
        services.AddSingleton<AuditArchiveReader>();
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<AuditDigestWriter>();
        services.AddSingleton<TableAuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<TableAuditLog>());
        services.AddSingleton<BlobAuditArchive>();
        return services;
    }
}
