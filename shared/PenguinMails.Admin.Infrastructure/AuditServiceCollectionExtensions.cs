using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Infrastructure.Audit;

namespace PenguinMails.Admin.Infrastructure;

public static class AuditServiceCollectionExtensions
{
    /// <summary>The sharded audit log, its signed digests (key in the vault) and its verifier.</summary>
    public static IServiceCollection AddAuditInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection("Audit").Get<AuditOptions>() ?? new AuditOptions();
        if (options.Lanes is < 1 or > 64)
        {
            throw new InvalidOperationException($"Audit__Lanes must be between 1 and 64 (it is {options.Lanes}).");
        }
        services.AddSingleton(options);
        services.AddStorageTables(TableAuditLog.ChainTable, TableAuditLog.IndexTable);
        services.AddStorageContainers(BlobAuditDigestStore.Container);
        services.AddStorageQueues(AuditDigestQueue.Name);
        services.AddSingleton<BlobAuditDigestStore>();
        services.AddSingleton<IAuditDigestSigner, VaultAuditDigestSigner>();
        services.AddSingleton<AuditArchiveReader>();
        services.AddSingleton<AuditVerifier>();
        services.AddSingleton<AuditDigestWriter>();
        services.AddSingleton<TableAuditLog>();
        services.AddSingleton<IAuditLog>(sp => sp.GetRequiredService<TableAuditLog>());
        return services;
    }
}
