using Azure.Data.Tables;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using PenguinMails.Admin.Infrastructure.DataProtection;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Benchmarks.DataProtection;

/// <summary>
/// Backing up a table of <see cref="Rows"/> audit-sized rows from Azurite to a local directory: the time, and the
/// bytes allocated per backup, which stays flat because rows are streamed one at a time. Needs Azurite
/// (PENGUINMAILS_TEST_STORAGE, or UseDevelopmentStorage=true).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class TableBackupBenchmarks
{
    private const string Table = "BenchmarkRows";
    private StorageClients _storage = null!;
    private TableBackup _backup = null!;
    private string _directory = "";

    [Params(10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var connection = Environment.GetEnvironmentVariable("PENGUINMAILS_TEST_STORAGE") is { Length: > 0 } value ? value : "UseDevelopmentStorage=true";
        _storage = new StorageClients(new StorageOptions { ConnectionString = connection, Prefix = "bench" + Guid.NewGuid().ToString("N")[..8] });
        var table = _storage.Table(Table);
        table.CreateIfNotExists();
        var payload = new string('x', 600);
        foreach (var partition in Enumerable.Range(0, Rows).Chunk(100))
        {
            table.SubmitTransaction(partition.Select(i => new TableTransactionAction(TableTransactionActionType.Add,
                new TableEntity("p" + partition[0], i.ToString("D8", System.Globalization.CultureInfo.InvariantCulture))
                {
                    ["Payload"] = payload, ["Sequence"] = (long)i, ["Time"] = DateTimeOffset.UtcNow, ["Hash"] = new byte[32],
                })));
        }
        var resources = new StorageResources();
        resources.Tables.Add(Table);
        _backup = new TableBackup(_storage, resources, TimeProvider.System);
        _directory = Directory.CreateTempSubdirectory("pm-bench-backup-").FullName;
    }

    [Benchmark]
    public Task<BackupManifest> Backup() => _backup.BackupAsync(new DirectoryBackupLocation(_directory));

    [GlobalCleanup]
    public void Cleanup()
    {
        _storage.Table(Table).Delete();
        Directory.Delete(_directory, recursive: true);
    }
}
