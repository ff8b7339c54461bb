using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Infrastructure.Users;
using PenguinMails.Admin.Users;
using PenguinMails.Benchmarks.Infrastructure;
using PenguinMails.Benchmarks.LoadRunners;

namespace PenguinMails.Benchmarks.Users;

/// <summary>
/// CSV export of N users (default 100,000) from Azurite through the same service and CsvHelper writer as
/// GET /api/users/export: time, rows per second, bytes, and the live managed heap, which
/// stays flat while the row count grows: it is measured after a full GC at 10%, 25%, 50%, 75% and 100% of the rows.
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

        var baseline = GC.GetTotalMemory(forceFullCollection: true);
        var output = new CountingStream();
        var live = new SortedDictionary<int, long>();
        using var sampler = new HeapSampler();
        var watch = Stopwatch.StartNew();
        var rows = await UserCsvWriter.WriteAsync(CheckpointsAsync(users.StreamAsync(UserFilter.None), count, live), output);
        watch.Stop();
        live[rows] = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"export rows={rows} time={watch.Elapsed.TotalSeconds:F1}s rows/s={rows / watch.Elapsed.TotalSeconds:F0} bytes={output.Length:N0}");
        Console.WriteLine($"live managed heap (after a full GC) before the export: {Mib(baseline)}; during it: " +
            string.Join(", ", live.Select(p => $"after {p.Key:N0} rows {Mib(p.Value)}")));
        Console.WriteLine($"heap including garbage, sampled every 20 ms: peak {Mib(sampler.Peak)}; process peak working set {Mib(Process.GetCurrentProcess().PeakWorkingSet64)}");
        await AzuriteServices.DeleteAsync(services);
    }

    private static string Mib(long bytes) => $"{bytes / 1024.0 / 1024.0:F1} MiB";

    /// <summary>Passes the users through, measuring the live heap (after a full GC) at 10%, 25%, 50% and 75% of them.</summary>
    private static async IAsyncEnumerable<PlatformUser> CheckpointsAsync(IAsyncEnumerable<PlatformUser> users, int expected, SortedDictionary<int, long> live)
    {
        var marks = new[] { 0.1, 0.25, 0.5, 0.75 }.Select(f => (int)(expected * f)).ToHashSet();
        var seen = 0;
        await foreach (var user in users)
        {
            if (marks.Contains(++seen))
            {
                live[seen] = GC.GetTotalMemory(forceFullCollection: true);
            }
            yield return user;
        }
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
