using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Infrastructure.Users;
using PenguinMails.Admin.Users;
using PenguinMails.Benchmarks.LoadRunners;

namespace PenguinMails.Benchmarks.Users;

/// <summary>
/// CSV export of N users (default 100,000) from Azurite through the same service and CsvHelper writer as
/// GET /api/users/export: time, rows per second, bytes, and the managed heap sampled every 20 ms, whose peak
/// stays flat while the row count grows.
/// Run: dotnet run -c Release --project tests/PenguinMails.Benchmarks -- load users-export [count]
/// </summary>
public sealed class UserExportLoadRunner : ILoadRunner
{
    public string Name => "users-export";

    public async Task RunAsync(string[] args)
    {
        var count = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
        await using var services = await AzuriteServices.StartAsync();
        Console.WriteLine($"Seeding {count} users...");
        await UserSeeder.SeedAsync(services.GetRequiredService<StorageClients>(), "benchtenant", count, withIndex: false);
        var users = services.GetRequiredService<PlatformUserService>();

        GC.Collect();
        var baseline = GC.GetTotalMemory(true);
        var output = new CountingStream();
        using var sampler = new HeapSampler();
        var watch = Stopwatch.StartNew();
        var rows = await UserCsvWriter.WriteAsync(users.StreamAsync(UserFilter.None), output);
        watch.Stop();
        Console.WriteLine($"export rows={rows} time={watch.Elapsed.TotalSeconds:F1}s rows/s={rows / watch.Elapsed.TotalSeconds:F0} bytes={output.Length:N0}");
        Console.WriteLine($"managed heap: before={baseline / 1024 / 1024.0:F1} MiB peak={sampler.Peak / 1024 / 1024.0:F1} MiB " +
            $"(after 10% of rows {sampler.At(0.1) / 1024 / 1024.0:F1} MiB, after 50% {sampler.At(0.5) / 1024 / 1024.0:F1} MiB)");
        Console.WriteLine($"process peak working set={Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
    }

    private sealed class HeapSampler : IDisposable
    {
        private readonly List<long> _samples = [];
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public HeapSampler() => _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                lock (_samples)
                {
                    _samples.Add(GC.GetTotalMemory(false));
                }
                await Task.Delay(20);
            }
        });

        public long Peak { get { lock (_samples) { return _samples.Count == 0 ? 0 : _samples.Max(); } } }

        /// <summary>The highest heap seen up to a fraction of the run (the run's samples are evenly spaced in time).</summary>
        public long At(double fraction) { lock (_samples) { return _samples.Take(Math.Max(1, (int)(_samples.Count * fraction))).DefaultIfEmpty().Max(); } }

        public void Dispose()
        {
            _stop.Cancel();
            _loop.Wait();
            _stop.Dispose();
        }
    }

    private sealed class CountingStream : Stream
    {
        private long _length;
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => _length;
        public override long Position { get => _length; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => _length += count;
        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
