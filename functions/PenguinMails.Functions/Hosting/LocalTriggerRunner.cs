using NCrontab;
using Azure.Messaging.ServiceBus;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Functions.Hosting;

/// <summary>
/// Standalone only: does what the Functions host does in Azure. It fires timers on their schedules and
/// listens to the registered queues on Azurite, calling the same handlers. A message that fails
/// <see cref="MaxDequeueCount"/> times moves to "&lt;queue&gt;-poison". Service Bus triggers read the Service Bus queue of
/// the same name when <c>Bus__Kind=ServiceBus</c> (dead-lettering after as many deliveries), and the storage queue of
/// that name otherwise.
/// </summary>
public sealed partial class LocalTriggerRunner(
    FunctionCatalog catalog,
    TriggerDispatcher dispatcher,
    StorageClients storage,
    StorageReadiness storageReady,
    TimeProvider time,
    ILogger<LocalTriggerRunner> logger,
    ServiceBusClient? serviceBus = null) : BackgroundService
{
    public const int MaxDequeueCount = 5;
    private static readonly TimeSpan MaxPollDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Hosted services start in registration order, and this one is registered before the storage initializer.
        try
        {
            await storageReady.WaitAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }
        var loops = catalog.Triggers.Select(trigger => trigger.Kind switch
        {
            FunctionKind.Timer => RunTimerAsync(trigger, stoppingToken),
            FunctionKind.ServiceBus when serviceBus is not null => ListenServiceBusAsync(trigger, serviceBus, stoppingToken),
            _ => ListenAsync(trigger, stoppingToken),
        });
        await Task.WhenAll(loops);
    }

    private async Task RunTimerAsync(FunctionRegistration timer, CancellationToken stoppingToken)
    {
        var schedule = CrontabSchedule.Parse(timer.Source, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = new DateTimeOffset(schedule.GetNextOccurrence(now.UtcDateTime), TimeSpan.Zero);
            try
            {
                await Task.Delay(next - now, time, stoppingToken);
                await dispatcher.DispatchAsync(timer, $$"""{"ScheduledTime":"{{next:O}}","IsPastDue":false}""", 1, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogTimerFailed(e, timer.Name);
            }
        }
    }

    private async Task ListenAsync(FunctionRegistration trigger, CancellationToken stoppingToken)
    {
        var queue = storage.Queue(trigger.Source);
        var poison = storage.Queue(trigger.Source + "-poison");
        var delay = TimeSpan.FromMilliseconds(100);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var messages = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(5), stoppingToken)).Value;
                delay = messages.Length > 0 ? TimeSpan.FromMilliseconds(100) : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxPollDelay.Ticks));
                await Task.WhenAll(messages.Select(message => QueueMessageProcessor.ProcessAsync(
                    dispatcher, trigger, queue, poison, message, MaxDequeueCount, stoppingToken)));
                if (messages.Length == 0)
                {
                    await Task.Delay(delay, time, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogListenFailed(e, trigger.Name);
                await Task.Delay(MaxPollDelay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task ListenServiceBusAsync(FunctionRegistration trigger, ServiceBusClient client, CancellationToken stoppingToken)
    {
        var processor = new ServiceBusMessageProcessor(dispatcher, trigger, client, MaxDequeueCount);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await processor.ProcessNextAsync(MaxPollDelay, stoppingToken);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception e)
                {
                    LogListenFailed(e, trigger.Name);
                    await Task.Delay(MaxPollDelay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                }
            }
        }
        finally
        {
            await CloseAsync(processor, trigger);
        }
    }

    /// <summary>Closing a receiver can time out (a broker that never answers the drain); that must not stop the host.</summary>
    private async Task CloseAsync(ServiceBusMessageProcessor processor, FunctionRegistration trigger)
    {
        try
        {
            await processor.DisposeAsync();
        }
        catch (Exception e)
        {
            LogCloseFailed(e, trigger.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Timer {FunctionName} failed")]
    private partial void LogTimerFailed(Exception exception, string functionName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Queue listener for {FunctionName} failed; retrying")]
    private partial void LogListenFailed(Exception exception, string functionName);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing the Service Bus receiver for {FunctionName} failed")]
    private partial void LogCloseFailed(Exception exception, string functionName);
}
