using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Infrastructure;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Audit;

public static class AuditFeature
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddStorageQueues(AuditIndexQueue.Name);
        builder.Services.AddQueueFunction<RebuildAuditIndexFunction>("RebuildAuditIndex", AuditIndexQueue.Name);
        return builder;
    }

    public static void MapAudit(this WebApplication app) => app.MapAuditApi();
}
