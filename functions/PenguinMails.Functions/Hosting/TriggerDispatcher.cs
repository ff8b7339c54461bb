using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PenguinMails.Functions.Hosting;

/// <summary>Runs a triggered function in its own DI scope, with a trace span, metrics and logs.</summary>
public sealed partial class TriggerDispatcher(
    IServiceScopeFactory scopes,
    FunctionCatalog catalog,
    TimeProvider time,
    FunctionMetrics metrics,
    ILogger<TriggerDispatcher> logger)
{
    public static readonly ActivitySource ActivitySource = new("PenguinMails.Functions.Triggers");

    public FunctionRegistration? Find(string functionName) =>
        catalog.Triggers.FirstOrDefault(t => string.Equals(t.Name, functionName, StringComparison.OrdinalIgnoreCase));

    public async Task<TriggerInvocation> DispatchAsync(FunctionRegistration function, string payload, int dequeueCount, CancellationToken cancellationToken)
    {
        var invocation = new TriggerInvocation(function.Name, payload, dequeueCount, time.GetUtcNow());
        using var activity = ActivitySource.StartActivity(function.Name, ActivityKind.Consumer);
        activity?.SetTag("faas.trigger", function.Kind.ToString().ToLowerInvariant());
        var started = time.GetTimestamp();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var handler = (ITriggeredFunction)scope.ServiceProvider.GetRequiredService(function.Handler);
            await handler.RunAsync(invocation, cancellationToken);
            metrics.Record(function.Name, succeeded: true, time.GetElapsedTime(started));
            return invocation;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            metrics.Record(function.Name, succeeded: false, time.GetElapsedTime(started));
            LogFailed(e, function.Name, dequeueCount);
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName} failed (delivery {DequeueCount})")]
    private partial void LogFailed(Exception exception, string functionName, int dequeueCount);
}
