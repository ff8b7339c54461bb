using System.Text.Json;
using Azure.Data.Tables;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Benchmarks.Compliance;

/// <summary>
/// Writes a month of valid hash-chained audit events straight into the chain table, 100 rows per entity-group
/// transaction and several day partitions at once: the same rows <see cref="TableAuditLog"/> writes, without the
/// three round trips per event that appending one at a time costs.
/// </summary>
public static class AuditChainSeeder
{
    private const int Batch = 100;
    private static readonly string[] Actions = ["auth.sign-in", "auth.sign-in", "auth.sign-in", "staff.roles.set", "staff.sessions.revoke", "staff.create"];

    public static async Task<int> SeedAsync(StorageClients storage, DateOnly firstDay, int days, int events, IReadOnlyList<string> staffIds)
    {
        var chain = storage.Table(TableAuditLog.ChainTable);
        var perDay = events / days;
        await Parallel.ForEachAsync(Enumerable.Range(0, days), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (d, ct) =>
        {
            var count = perDay + (d < events % days ? 1 : 0);
            var rows = ChainOf(firstDay.AddDays(d), count, staffIds).ToList();
            foreach (var chunk in rows.Chunk(Batch))
            {
                await chain.SubmitTransactionAsync(chunk.Select(r => new TableTransactionAction(TableTransactionActionType.Add, r)), ct);
            }
        });
        return events;
    }

    private static IEnumerable<TableEntity> ChainOf(DateOnly day, int count, IReadOnlyList<string> staffIds)
    {
        var partition = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var random = new Random(day.DayNumber);
        var previous = AuditChain.Genesis;
        for (var sequence = 1L; sequence <= count; sequence++)
        {
            var actor = staffIds[random.Next(staffIds.Count)];
            var target = staffIds[random.Next(staffIds.Count)];
            var action = Actions[random.Next(Actions.Length)];
            var failed = action == "auth.sign-in" && random.Next(10) == 0;
            JsonElement? before = action == "staff.roles.set" ? AuditEntry.Snapshot(new { Roles = new[] { "support-agent" } }) : null;
            JsonElement? after = action == "staff.roles.set" ? AuditEntry.Snapshot(new { Roles = new[] { "support-agent", "finance" } }) : null;
            var draft = new AuditEvent(Guid.NewGuid().ToString("N"), partition, sequence, start.AddMilliseconds(86_400_000.0 * (sequence - 1) / count),
                actor, $"staff-{actor}@penguinmails.test", action, "staff", target, before, after, failed ? "unknown staff member" : null,
                failed ? "failure" : "success", $"198.51.100.{random.Next(1, 255)}", "Mozilla/5.0 (X11; Linux x86_64) load-runner", Guid.NewGuid().ToString("N"),
                previous, "");
            var e = draft with { Hash = AuditChain.ComputeHash(draft) };
            previous = e.Hash;
            yield return AuditEntityMapper.ToEntity(e, partition, AuditEntityMapper.ChainRowKey(sequence));
        }
        yield return new TableEntity(partition, "head") { ["Sequence"] = (long)count, ["Hash"] = previous };
    }
}
