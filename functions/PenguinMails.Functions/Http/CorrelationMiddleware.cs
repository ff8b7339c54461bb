using System.Diagnostics;

namespace PenguinMails.Functions.Http;

/// <summary>
/// The request's W3C trace context is the correlation id. ASP.NET Core already continues an incoming
/// <c>traceparent</c>; this echoes it back so callers can quote it, and tags logs with it.
/// </summary>
public sealed class CorrelationMiddleware(RequestDelegate next, ILogger<CorrelationMiddleware> logger)
{
    public const string CorrelationHeader = "X-Correlation-Id";

    public async Task InvokeAsync(HttpContext context)
    {
        var activity = Activity.Current;
        var correlationId = activity?.TraceId.ToString() ?? context.TraceIdentifier;
        context.Response.OnStarting(() =>
        {
            if (activity is not null)
            {
                context.Response.Headers["traceparent"] = activity.Id;
            }
            context.Response.Headers[CorrelationHeader] = correlationId;
            return Task.CompletedTask;
        });
        using (logger.BeginScope(new Dictionary<string, object> { ["CorrelationId"] = correlationId }))
        {
            await next(context);
        }
    }

    public static string Current(HttpContext context) => Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
}
