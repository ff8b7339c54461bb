using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PenguinMails.Admin.Monitoring.Analytics;

namespace PenguinMails.Admin.Infrastructure.Monitoring;

/// <summary>
/// Forwards engagement events to PostHog in the background. <see cref="Track"/> only enqueues (bounded; beyond
/// <see cref="PostHogOptions.MaxQueuedEvents"/> events are dropped and counted). A batch is sent when it is full or
/// when its first event has waited <see cref="PostHogOptions.FlushIntervalSeconds"/>; transient failures are
/// retried with a doubling delay, and what is still queued at shutdown gets one last attempt.
/// </summary>
public sealed partial class PostHogForwarder : BackgroundService, IEngagementTracker
{
    private static readonly TimeSpan ShutdownGrace = TimeSpan.FromSeconds(5);
    private readonly Channel<EngagementEvent> _queue;
    private readonly PostHogClient _client;
    private readonly PostHogOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<PostHogForwarder> _logger;
    private long _dropped;

    public PostHogForwarder(PostHogClient client, PostHogOptions options, TimeProvider time, ILogger<PostHogForwarder> logger)
    {
        (_client, _options, _time, _logger) = (client, options, time, logger);
        _queue = Channel.CreateBounded<EngagementEvent>(
            new BoundedChannelOptions(Math.Max(1, options.MaxQueuedEvents)) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    public bool Enabled => true;

    /// <summary>Events dropped because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public void Track(EngagementEvent engagementEvent) => _queue.Writer.TryWrite(engagementEvent);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<EngagementEvent>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                batch = await FillAsync(stoppingToken);
                if (batch.Count > 0)
                {
                    await SendWithRetriesAsync(batch, stoppingToken);
                    batch = [];
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: fall through and send what is left once.
        }
        while (_queue.Reader.TryRead(out var queued))
        {
            batch.Add(queued);
        }
        using var grace = new CancellationTokenSource(ShutdownGrace, _time);
        foreach (var chunk in batch.Chunk(Math.Max(1, _options.BatchSize)))
        {
            await TrySendAsync(chunk, grace.Token);
        }
    }

    private async Task<List<EngagementEvent>> FillAsync(CancellationToken stoppingToken)
    {
        var batch = new List<EngagementEvent>();
        var size = Math.Max(1, _options.BatchSize);
        while (batch.Count == 0)
        {
            await _queue.Reader.WaitToReadAsync(stoppingToken);
            while (batch.Count < size && _queue.Reader.TryRead(out var first))
            {
                batch.Add(first);
            }
        }
        using var window = new CancellationTokenSource(TimeSpan.FromSeconds(_options.FlushIntervalSeconds), _time);
        using var stopping = stoppingToken.Register(window.Cancel);
        try
        {
            while (batch.Count < size && await _queue.Reader.WaitToReadAsync(window.Token))
            {
                while (batch.Count < size && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }
            }
        }
        catch (OperationCanceledException) when (window.IsCancellationRequested)
        {
            // The batch waited long enough (or we are stopping): send what it has.
        }
        return batch;
    }

    private async Task SendWithRetriesAsync(IReadOnlyList<EngagementEvent> batch, CancellationToken stoppingToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await _client.SendAsync(batch, stoppingToken);
                return;
            }
            catch (Exception e) when (Transient(e, stoppingToken) && attempt < _options.MaxAttempts)
            {
                LogRetrying(batch.Count, attempt, Status(e));
                await Task.Delay(TimeSpan.FromSeconds(_options.RetryDelaySeconds * Math.Pow(2, attempt - 1)), _time, stoppingToken);
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !stoppingToken.IsCancellationRequested)
            {
                LogDropped(batch.Count, attempt, Status(e));
                return;
            }
        }
    }

    private async Task TrySendAsync(IReadOnlyList<EngagementEvent> batch, CancellationToken cancellationToken)
    {
        try
        {
            await _client.SendAsync(batch, cancellationToken);
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            LogDropped(batch.Count, 1, Status(e));
        }
    }

    private static bool Transient(Exception e, CancellationToken stoppingToken) => !stoppingToken.IsCancellationRequested
        && (e is TaskCanceledException || e is HttpRequestException http && PostHogClient.IsTransient(http));

    private static string Status(Exception e) => e is HttpRequestException { StatusCode: { } code } ? ((int)code).ToString(System.Globalization.CultureInfo.InvariantCulture) : e.GetType().Name;

    [LoggerMessage(Level = LogLevel.Warning, Message = "PostHog batch of {Count} events failed on attempt {Attempt} ({Status}); retrying")]
    private partial void LogRetrying(int count, int attempt, string status);

    [LoggerMessage(Level = LogLevel.Error, Message = "PostHog batch of {Count} events dropped after {Attempts} attempt(s) ({Status})")]
    private partial void LogDropped(int count, int attempts, string status);
}
