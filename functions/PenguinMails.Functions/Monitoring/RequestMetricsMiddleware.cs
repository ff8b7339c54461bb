using System.Security.Claims;
using PenguinMails.Admin.Monitoring.Analytics;

namespace PenguinMails.Functions.Monitoring;

/// <summary>
/// Outermost middleware: times each call and, once the endpoint is known and the final status is set (error
/// handling runs inside it), records it under the endpoint name, which is the HTTP function's name. Successful
/// state-changing calls by staff also become engagement events when product analytics is configured.
/// </summary>
public sealed class RequestMetricsMiddleware(RequestDelegate next, RequestMetricsRecorder recorder, IEngagementTracker engagement, TimeProvider time)
{
    public const string EngagementEventName = "admin_action";

    /// <summary>Recorded when the caller went away before the answer (nginx's 499): a client event, not a server error.</summary>
    public const int ClientClosedRequest = 499;

    public async Task InvokeAsync(HttpContext context)
    {
        var started = time.GetTimestamp();
        var completed = false;
        try
        {
            await next(context);
            completed = true;
        }
        finally
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName is { } function)
            {
                // An exception that escaped error handling is a server error, unless it is the cancellation of a call the
                // client abandoned (a browser leaving a screen cancels its requests): that would raise false error-rate alerts.
                var status = completed || context.Response.HasStarted ? context.Response.StatusCode
                    : context.RequestAborted.IsCancellationRequested ? ClientClosedRequest
                    : StatusCodes.Status500InternalServerError;
                recorder.Record(function, status, time.GetElapsedTime(started));
                if (completed && engagement.Enabled)
                {
                    Track(context, function, status);
                }
            }
        }
    }

    private void Track(HttpContext context, string function, int status)
    {
        var method = context.Request.Method;
        if (status >= 400 || HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method)
            || context.User.FindFirst(ClaimTypes.NameIdentifier)?.Value is not { Length: > 0 } staffId)
        {
            return;
        }
        engagement.Track(new EngagementEvent(EngagementEventName, staffId, time.GetUtcNow(), new Dictionary<string, string>
        {
            ["function"] = function,
            ["method"] = method,
            ["status"] = status.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }));
    }
}
