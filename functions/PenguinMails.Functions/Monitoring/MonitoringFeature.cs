using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Infrastructure.Monitoring;
using PenguinMails.Admin.Infrastructure.Storage;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PenguinMails.Admin.Monitoring;
using PenguinMails.Admin.Monitoring.Series;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Monitoring.HealthChecks;

namespace PenguinMails.Functions.Monitoring;

public static class MonitoringFeature
{
    /// <summary>
    /// Request metrics on the request path, job runs from the trigger dispatcher, their flusher, the component
    /// health checks, the alert, queue-sampling and pruning timers, the series, and analytics.
    /// </summary>
    public static WebApplicationBuilder AddMonitoring(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var options = MonitoringOptions.From(builder.Configuration);
        services.AddSingleton(options);
        services.AddMonitoringInfrastructure(builder.Configuration);

        services.AddSingleton<RequestMinuteAggregator>();
        services.AddSingleton<JobRunAggregator>();
        services.AddSingleton<RequestMetricsRecorder>();
        services.AddSingleton<ITriggerObserver, JobRunRecorder>();
        services.AddSingleton<MonitoringFlusher>();
        services.AddHostedService(sp => sp.GetRequiredService<MonitoringFlusher>());
        if (options.RecordRequests)
        {
            services.AddSingleton<IStartupFilter, RequestMetricsStartupFilter>();
        }

        services.AddSingleton<IMonitoredFunctions, CatalogMonitoredFunctions>();
        services.AddSingleton<IQueueStatsSource>(sp => new StorageQueueStatsSource(sp.GetRequiredService<StorageClients>(),
            () => MonitoredQueues(sp), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<MonitoringReports>();
        services.AddSingleton(sp => new MonitoredQueues(() => MonitoredQueues(sp)));
        services.AddSingleton<QueueSampler>();
        // The workflow series read the run log the workflows feature keeps; an engine with other run records replaces this port.
        services.TryAddSingleton<IWorkflowRunTimeline, RunLogWorkflowTimeline>();
        services.AddSingleton<MonitoringSeries>();
        services.AddSingleton<MonitoringAlertEvaluator>();

        services.AddSingleton<HealthProbe>();
        services.AddSingleton<IComponentHealthSource, ComponentHealthReporter>();
        services.AddHealthChecks()
            .AddCheck<TableStorageHealthCheck>("storage-tables", tags: [ComponentHealthReporter.ComponentTag])
            .AddCheck<BlobStorageHealthCheck>("storage-blobs", tags: [ComponentHealthReporter.ComponentTag])
            .AddCheck<QueueStorageHealthCheck>("storage-queues", tags: [ComponentHealthReporter.ComponentTag])
            .AddCheck<EventBusHealthCheck>("bus", tags: [ComponentHealthReporter.ComponentTag]);

        services.AddTimerFunction<EvaluateMonitoringAlertsFunction>(EvaluateMonitoringAlertsFunction.Name, EvaluateMonitoringAlertsFunction.Schedule);
        services.AddTimerFunction<SampleQueuesFunction>(SampleQueuesFunction.Name, SampleQueuesFunction.Schedule);
        services.AddTimerFunction<PruneMonitoringStatsFunction>(PruneMonitoringStatsFunction.Name, PruneMonitoringStatsFunction.Schedule);
        return builder;
    }

    public static void MapMonitoring(this WebApplication app)
    {
        app.MapMonitoringApi();
        app.MapAnalyticsApi();
    }

    /// <summary>Every registered queue plus every queue a function listens to (resolved late, once all features registered theirs).</summary>
    private static IReadOnlyCollection<string> MonitoredQueues(IServiceProvider services) =>
        services.GetRequiredService<StorageResources>().Queues
            .Concat(services.GetServices<FunctionRegistration>().Where(f => f.Kind == FunctionKind.Queue).Select(f => f.Source))
            .ToHashSet(StringComparer.Ordinal);
}
