using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Audit;

/// <summary>
/// `rebuild-audit-index --from &lt;time&gt; [--to &lt;time&gt;]`: rewrites the index rows GET /api/audit reads from the
/// chain for events in the range, and removes rows left by the earlier index layout (one partition per target id).
/// Run once over the whole history after upgrading from a build before the target index was bucketed; verify-audit
/// reports such rows as index mismatches until then. Exits 0 when done, 2 on bad arguments.
/// </summary>
public static class RebuildAuditIndexCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        if (!AuditRangeArguments.TryParse(args, out var from, out var to))
        {
            return await UsageAsync();
        }
        var end = to ?? app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        if (from is not { } start)
        {
            return await UsageAsync();
        }
        if (start > end)
        {
            await Console.Error.WriteLineAsync("error: --from must not be after --to.");
            return 2;
        }
        await CommandLine.InitializeStorageAsync(app);
        var (events, deleted) = await app.Services.GetRequiredService<TableAuditLog>().RebuildIndexAsync(start, end);
        Console.WriteLine($"Reindexed {events} audit events from {start:O} to {end:O}; deleted {deleted} rows of the earlier target index layout.");
        return 0;
    }

    private static async Task<int> UsageAsync()
    {
        await Console.Error.WriteLineAsync("usage: rebuild-audit-index --from <ISO 8601 time> [--to <ISO 8601 time>]");
        return 2;
    }
}
