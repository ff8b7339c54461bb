using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Observability;

/// <summary>
/// Structured logs, and OpenTelemetry traces and metrics. They are exported with OTLP when
/// OTEL_EXPORTER_OTLP_ENDPOINT is set, and to Azure Monitor when APPLICATIONINSIGHTS_CONNECTION_STRING is set.
/// </summary>
public static class ObservabilityExtensions
{
    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment())
        {
            builder.Logging.AddSimpleConsole(o => { o.SingleLine = true; o.IncludeScopes = false; });
        }
        else
        {
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }
        // Logs go to stderr, so command-line output (a bootstrap token, say) is alone on stdout.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Azure.Core", LogLevel.Warning);
        builder.Services.AddSingleton<FunctionMetrics>();
        var otlp = builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var appInsights = builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("penguinmails-admin"))
            .WithTracing(t =>
            {
                t.AddAspNetCoreInstrumentation(o => o.Filter = c => c.Request.Path.StartsWithSegments("/api"))
                    .AddHttpClientInstrumentation()
                    .AddSource(TriggerDispatcher.ActivitySource.Name, "Azure.*");
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    t.AddOtlpExporter();
                }
                if (!string.IsNullOrWhiteSpace(appInsights))
                {
                    t.AddAzureMonitorTraceExporter(o => o.ConnectionString = appInsights);
                }
            })
            .WithMetrics(m =>
            {
                m.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation().AddMeter(FunctionMetrics.MeterName);
                if (!string.IsNullOrWhiteSpace(otlp))
                {
                    m.AddOtlpExporter();
                }
                if (!string.IsNullOrWhiteSpace(appInsights))
                {
                    m.AddAzureMonitorMetricExporter(o => o.ConnectionString = appInsights);
                }
            });
        if (!string.IsNullOrWhiteSpace(otlp))
        {
            telemetry.WithLogging(l => l.AddOtlpExporter());
        }
        return builder;
    }
}
