using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// Instances on Azure Tables, one partition per instance: the "instance" row and its history rows. Each change
/// writes the instance row (guarded by its ETag) and the new history rows in one entity-group transaction, so
/// state and history never disagree and two writers can never both succeed.
/// </summary>
public sealed class TableWorkflowStore(StorageClients storage, TablePaging paging) : IWorkflowStore
{
    public const string TableName = "Workflows";
    private TableClient Table => storage.Table(TableName);

    public async Task<Versioned<WorkflowInstance>?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(id, WorkflowEntityMapper.InstanceRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? new Versioned<WorkflowInstance>(WorkflowEntityMapper.ToInstance(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<string?> TryCreateAsync(WorkflowInstance instance, IReadOnlyList<WorkflowHistoryEvent> history,
        CancellationToken cancellationToken = default)
    {
        var actions = new List<TableTransactionAction> { new(TableTransactionActionType.Add, WorkflowEntityMapper.ToEntity(instance)) };
        actions.AddRange(HistoryActions(instance, history));
        try
        {
            var response = await Table.SubmitTransactionAsync(actions, cancellationToken);
            return response.Value[0].Headers.ETag?.ToString();
        }
        catch (TableTransactionFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }

    public async Task<string?> TryReplaceAsync(WorkflowInstance instance, string etag, IReadOnlyList<WorkflowHistoryEvent> history,
        CancellationToken cancellationToken = default)
    {
        var entity = WorkflowEntityMapper.ToEntity(instance);
        try
        {
            if (history.Count == 0)
            {
                var updated = await Table.UpdateEntityAsync(entity, new Azure.ETag(etag), TableUpdateMode.Replace, cancellationToken);
                return updated.Headers.ETag?.ToString();
            }
            var actions = new List<TableTransactionAction> { new(TableTransactionActionType.UpdateReplace, entity, new Azure.ETag(etag)) };
            actions.AddRange(HistoryActions(instance, history));
            var response = await Table.SubmitTransactionAsync(actions, cancellationToken);
            return response.Value[0].Headers.ETag?.ToString();
        }
        catch (Azure.RequestFailedException e) when (e.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task<IReadOnlyList<WorkflowHistoryEvent>> GetHistoryAsync(string id, CancellationToken cancellationToken = default)
    {
        var history = new List<WorkflowHistoryEvent>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey gt {"history-"} and RowKey lt {"history."}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            history.Add(WorkflowEntityMapper.ToHistory(row));
        }
        return history;
    }

    public async Task<Page<WorkflowInstance>> ListAsync(WorkflowFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var query = TableClient.CreateQueryFilter($"RowKey eq {WorkflowEntityMapper.InstanceRowKey}");
        if (filter.Type is not null)
        {
            query += " and " + TableClient.CreateQueryFilter($"Type eq {filter.Type}");
        }
        if (filter.Status is { } status)
        {
            query += " and " + TableClient.CreateQueryFilter($"Status eq {status.ToString()}");
        }
        if (filter.VisibleTypes is { } visible)
        {
            if (visible.Count == 0)
            {
                return new Page<WorkflowInstance>([], null);
            }
            query += " and (" + string.Join(" or ", visible.Order(StringComparer.Ordinal).Select(t => TableClient.CreateQueryFilter($"Type eq {t}"))) + ")";
        }
        var result = await paging.QueryAsync<TableEntity>(Table, query, page, "workflows", cancellationToken);
        return result.Map(WorkflowEntityMapper.ToInstance);
    }

    public async IAsyncEnumerable<WorkflowInstance> ListDueAsync(DateTimeOffset dueBy, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var filter = TableClient.CreateQueryFilter($"RowKey eq {WorkflowEntityMapper.InstanceRowKey} and DueAt le {dueBy}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return WorkflowEntityMapper.ToInstance(row);
        }
    }

    private static IEnumerable<TableTransactionAction> HistoryActions(WorkflowInstance instance, IReadOnlyList<WorkflowHistoryEvent> history)
    {
        var first = instance.HistoryCount - history.Count + 1;
        return history.Select((h, n) => new TableTransactionAction(TableTransactionActionType.Add,
            WorkflowEntityMapper.ToEntity(instance.Id, first + n, h)));
    }
}
