using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Infrastructure;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Audit;

public static class AuditFeature
{
    public static WebApplicationBuilder AddAudit(this WebApplicationBuilder builder)
    {
        builder.Services.AddAuditInfrastructure(builder.Configuration);
        builder.Services.AddQueueFunction<RebuildAuditIndexFunction>(RebuildAuditIndexFunction.Name, AuditIndexQueue.Name);
        builder.Services.AddTimerFunction<NightlyAuditExportFunction>(NightlyAuditExportFunction.Name, NightlyAuditExportFunction.Schedule);
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
