using System.Diagnostics;
using System.Runtime;
using Azure.Data.Tables;
using PenguinMails.Admin.Compliance.Reports;
using PenguinMails.Admin.Infrastructure.Alerts;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Infrastructure.Compliance;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Infrastructure.Staff;
using PenguinMails.Admin.Users;
using PenguinMails.Benchmarks.Infrastructure;

namespace PenguinMails.Benchmarks.Compliance;

/// <summary>
/// The measuring half of <see cref="MonthlyReportLoad"/>, in its own process: a raw scan of the rows the report reads,
/// the report itself (peak resident memory reset just before it, read just after), then the raw scan again. Its
/// arguments are the storage prefix, event count and staff count that `monthly-report` seeded, and the users and tenants
/// it created in October, which the report's user growth must show.
/// </summary>
public sealed class MonthlyReportMeasurement : ILoadRunner
{
    public const string RunnerName = "monthly-report-measure";
    public const long BudgetBytes = 200L * 1024 * 1024;

    public string Name => RunnerName;

    public async Task RunAsync(string[] args)
    {
        await using var environment = await LoadEnvironment.StartAsync(args[0], MonthlyReportLoad.GeneratedAt);
        var storage = environment.Get<StorageClients>();
        await ForgetReportAsync(storage);
        var scanAllocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var (firstScan, rows) = await RawScanAsync(storage, environment.Get<IPlatformGrowthReader>());
        var scanAllocated = GC.GetTotalAllocatedBytes(precise: true) - scanAllocatedBefore;

        GC.Collect();
        var peakReset = PeakMemory.Reset();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        var outcome = await environment.Get<ReportService>().GenerateScheduledAsync(ReportType.MonthlySecurity);
        var reportTime = watch.Elapsed;
        var peak = PeakMemory.Read();
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;

        var (secondScan, _) = await RawScanAsync(storage, environment.Get<IPlatformGrowthReader>());
        var document = await storage.Container(TableReportStore.Container).GetBlobClient(outcome.Report.Id + ".json").GetPropertiesAsync();
        var fastest = firstScan < secondScan ? firstScan : secondScan;
        Console.WriteLine($"  rows read by the report: {rows:N0} ({args[1]} audit events, {args[2]} staff members and their email rows, alerts, October's users and tenants)");
        Console.WriteLine($"  GC: {(GCSettings.IsServerGC ? "server" : "workstation")}, {Environment.ProcessorCount} cores");
        Console.WriteLine($"  raw scan of the same rows: {firstScan.TotalSeconds:F2} s, then {secondScan.TotalSeconds:F2} s");
        Console.WriteLine($"  monthly report {outcome.Report.Id}: {reportTime.TotalSeconds:F2} s, {document.Value.ContentLength / 1024.0:N0} KiB of canonical JSON");
        Console.WriteLine($"  peak memory (resident set{(peakReset ? ", reset just before the report" : ", whole process")}): {peak / 1024.0 / 1024:F1} MB (budget {BudgetBytes / 1024 / 1024} MB)");
        Console.WriteLine($"  managed allocations: report {allocated / 1024.0 / 1024:F0} MB, raw scan {scanAllocated / 1024.0 / 1024:F0} MB");
        Console.WriteLine($"  ratio report / raw scan: {reportTime / fastest:F2} against the faster scan, {reportTime / ((firstScan + secondScan) / 2):F2} against their mean");
        Console.WriteLine($"  audit chain: {outcome.Report.Summary.First(f => f.Key == "auditChain").Value}, {outcome.Report.Summary.First(f => f.Key == "auditEventsVerified").Value} events verified");
        var content = await environment.Get<ReportService>().ReadDocumentAsync(outcome.Report.Id);
        var (newUsers, newTenants) = (content.Figure("newUsers")!.Value, content.Figure("newTenants")!.Value);
        Console.WriteLine($"  user growth: {newUsers} users and {newTenants} tenants (seeded {args[3]} and {args[4]}); by week, users/tenants: "
            + string.Join(", ", content.Section("user-growth")!.Rows.Select(r => $"{r[0]} {r[1]}/{r[2]}")));
        if (newUsers != args[3] || newTenants != args[4])
        {
            throw new InvalidOperationException("The report's user growth differs from what was seeded.");
        }
        if (peak >= BudgetBytes)
        {
            throw new InvalidOperationException($"Peak memory {peak / 1024 / 1024} MB is over the {BudgetBytes / 1024 / 1024} MB budget.");
        }
    }

    /// <summary>Removes a report an earlier measurement left on kept data (--keep), so this run generates it again.</summary>
    private static async Task ForgetReportAsync(StorageClients storage)
    {
        var period = ReportPeriod.Of(ReportType.MonthlySecurity, MonthlyReportLoad.Month);
        await storage.Container(TableReportStore.Container).DeleteBlobIfExistsAsync(period.Id + ".json");
        await foreach (var row in storage.Table(TableReportStore.TableName).QueryAsync<TableEntity>($"Id eq '{period.Id}'"))
        {
            await storage.Table(TableReportStore.TableName).DeleteEntityAsync(row.PartitionKey, row.RowKey);
        }
    }

    /// <summary>Reads every row the report reads (the month's chain partitions, the staff table, the alerts, the month's users and tenants) and nothing else.</summary>
    private static async Task<(TimeSpan Elapsed, long Rows)> RawScanAsync(StorageClients storage, IPlatformGrowthReader growth)
    {
        var watch = Stopwatch.StartNew();
        long rows = 0;
        var chain = storage.Table(TableAuditLog.ChainTable);
        for (var day = MonthlyReportLoad.Month; day < MonthlyReportLoad.Month.AddMonths(1); day = day.AddDays(1))
        {
            rows += await CountAsync(chain, $"PartitionKey eq '{day:yyyy-MM-dd}'");
        }
        rows += await CountAsync(storage.Table(TableStaffStore.TableName), null);
        rows += await CountAsync(storage.Table(TableAlertStore.TableName), null);
        var period = ReportPeriod.Of(ReportType.MonthlySecurity, MonthlyReportLoad.Month);
        rows += await growth.ReadUsersAsync(period.From, period.Until).CountAsync();
        rows += await growth.ReadTenantsAsync(period.From, period.Until).CountAsync();
        return (watch.Elapsed, rows);
    }

    private static async Task<long> CountAsync(TableClient table, string? filter)
    {
        long rows = 0;
        await foreach (var row in table.QueryAsync<TableEntity>(filter))
        {
            rows += row.Count > 0 ? 1 : 0;
        }
        return rows;
    }
}
