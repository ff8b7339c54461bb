using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace PenguinMails.Functions.Hosting;

/// <summary>Runs a triggered function in its own DI scope, with a trace span, metrics and logs.</summary>
public sealed partial class TriggerDispatcher(
    IServiceScopeFactory scopes,
    FunctionCatalog catalog,
    TimeProvider time,
    FunctionMetrics metrics,
    IEnumerable<ITriggerObserver> observers,
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
            Completed(function, time.GetElapsedTime(started), null);
            return invocation;
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, e.GetType().Name);
            Completed(function, time.GetElapsedTime(started), e);
            LogFailed(e, function.Name, dequeueCount);
            throw;
        }
    }

    private void Completed(FunctionRegistration function, TimeSpan elapsed, Exception? failure)
    {
        metrics.Record(function.Name, succeeded: failure is null, elapsed);
        foreach (var observer in observers)
        {
            observer.OnCompleted(function, elapsed, failure);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Function {FunctionName} failed (delivery {DequeueCount})")]
    private partial void LogFailed(Exception exception, string functionName, int dequeueCount);
}
