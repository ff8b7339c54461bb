using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Infrastructure;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Audit;

public static class AuditFeature
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddStorageQueues(AuditIndexQueue.Name);
        builder.Services.AddStorageContainers(BlobAuditArchive.Container);
        builder.Services.AddSingleton<BlobAuditArchive>();
        builder.Services.AddQueueFunction<RebuildAuditIndexFunction>("RebuildAuditIndex", AuditIndexQueue.Name);
        builder.Services.AddTimerFunction<NightlyAuditExportFunction>("NightlyAuditExport", NightlyAuditExportFunction.Schedule);
        builder.Services.AddTimerFunction<AuditDigestFunction>(AuditDigestFunction.TimerName, AuditDigestFunction.Schedule);
        builder.Services.AddQueueFunction<AuditDigestFunction>(AuditDigestFunction.QueueName, AuditDigestQueue.Name);
        return builder;
    }

    public static void MapAudit(this WebApplication app)
    {
        app.MapAuditApi();
        app.MapAuditExportApi();
    }
}
