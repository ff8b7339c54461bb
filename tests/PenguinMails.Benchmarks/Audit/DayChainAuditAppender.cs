using Azure.Data.Tables;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Benchmarks.Audit;

/// <summary>
/// The append path before lanes (main until issue 15), kept here only as the benchmark's baseline: one chain per UTC
/// day, every append in the process behind one lock, each one a transaction of the event and the day's head row.
/// It writes to tables of its own (<see cref="ChainTable"/>, <see cref="IndexTable"/>), so the lanes' verification
/// after the run sees only the lanes' rows.
/// </summary>
public sealed class DayChainAuditAppender(StorageClients storage, TimeProvider time)
{
    public const string ChainTable = "BenchDayAuditLog";
    public const string IndexTable = "BenchDayAuditIndex";
    private const string HeadRowKey = "head";
    private readonly SemaphoreSlim _chainLock = new(1, 1);
    private TableClient Chain => storage.Table(ChainTable);
    private TableClient Index => storage.Table(IndexTable);

    public async Task CreateTablesAsync() => await Task.WhenAll(Chain.CreateIfNotExistsAsync(), Index.CreateIfNotExistsAsync());

    public async Task DeleteTablesAsync() => await Task.WhenAll(Chain.DeleteAsync(), Index.DeleteAsync());

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken = default)
    {
        await _chainLock.WaitAsync(cancellationToken);
        AuditEvent e;
        try
        {
            e = await ChainAsync(entry, cancellationToken);
        }
        finally
        {
            _chainLock.Release();
        }
        await Task.WhenAll(AuditEntityMapper.IndexKeys(e).Select(k =>
            Index.UpsertEntityAsync(AuditEntityMapper.ToEntity(e, k.PartitionKey, k.RowKey), TableUpdateMode.Replace, cancellationToken)));
    }

    private async Task<AuditEvent> ChainAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var now = time.GetUtcNow();
            var partition = now.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            var head = await Chain.GetEntityIfExistsAsync<TableEntity>(partition, HeadRowKey, cancellationToken: cancellationToken);
            var sequence = (head.HasValue ? head.Value!.GetInt64("Sequence") ?? 0 : 0) + 1;
            var previous = head.HasValue ? head.Value!.GetString("Hash") : AuditChain.Genesis;
            var draft = new AuditEvent(Guid.NewGuid().ToString("N"), partition, sequence, now, entry.Actor.Id, entry.Actor.Email, entry.Action,
                entry.TargetType, entry.TargetId, entry.Before, entry.After, entry.Reason, entry.Outcome, entry.Actor.IpAddress,
                entry.Actor.UserAgent, entry.Actor.CorrelationId, previous, "");
            var e = draft with { Hash = AuditChain.ComputeHash(draft) };
            var newHead = new TableEntity(partition, HeadRowKey) { ["Sequence"] = sequence, ["Hash"] = e.Hash };
            var headAction = head.HasValue
                ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, newHead, head.Value!.ETag)
                : new TableTransactionAction(TableTransactionActionType.Add, newHead);
            try
            {
                await Chain.SubmitTransactionAsync(
                    [new TableTransactionAction(TableTransactionActionType.Add, AuditEntityMapper.ToEntity(e, partition, AuditEntityMapper.ChainRowKey(sequence))), headAction],
                    cancellationToken);
                return e;
            }
            catch (TableTransactionFailedException) when (attempt < 50)
            {
                await Task.Delay(Random.Shared.Next(1, 10 + 10 * Math.Min(attempt, 10)), cancellationToken);
            }
        }
    }
}
