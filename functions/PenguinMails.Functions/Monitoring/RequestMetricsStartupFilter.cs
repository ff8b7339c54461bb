namespace PenguinMails.Functions.Monitoring;

/// <summary>Puts <see cref="RequestMetricsMiddleware"/> in front of the whole pipeline, so it sees every final status code.</summary>
public sealed class RequestMetricsStartupFilter : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.UseMiddleware<RequestMetricsMiddleware>();
        next(app);
    };
}
