using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Tickets;

namespace PenguinMails.Admin.Infrastructure.Tickets;

/// <summary>
/// The built-in ticket store on Azure Tables: one partition per ticket (its row and its comments), plus one
/// "key-{hash}" row per idempotency key that names the ticket created for it. Ticket ids sort newest first.
/// </summary>
public sealed class TableTicketStore(StorageClients storage, TablePaging paging) : ITicketStore
{
    public const string TableName = "Tickets";
    private const string KeyRowKey = "key";
    private TableClient Table => storage.Table(TableName);

    public async Task<(Versioned<Ticket> Ticket, bool Created)> CreateAsync(Ticket ticket, CancellationToken cancellationToken = default)
    {
        // The key row is written first and names the ticket id, so a retry after a crash creates that same ticket.
        var keyPartition = KeyPartition(ticket.IdempotencyKey);
        var id = ticket.Id;
        try
        {
            await Table.AddEntityAsync(new TableEntity(keyPartition, KeyRowKey) { ["TicketId"] = id }, cancellationToken);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            id = (await Table.GetEntityAsync<TableEntity>(keyPartition, KeyRowKey, cancellationToken: cancellationToken)).Value.GetString("TicketId");
        }
        var toCreate = ticket with { Id = id };
        try
        {
            var response = await Table.AddEntityAsync(TicketEntityMapper.ToEntity(toCreate), cancellationToken);
            return (new Versioned<Ticket>(toCreate, response.Headers.ETag.ToString()!), true);
        }
        catch (Azure.RequestFailedException e) when (e.Status == 409)
        {
            return (await GetAsync(id, cancellationToken) ?? throw new InvalidOperationException($"Ticket {id} vanished."), false);
        }
    }

    public async Task<Versioned<Ticket>?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 100 || !id.All(char.IsAsciiLetterOrDigit))
        {
            return null;
        }
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(id, TicketEntityMapper.TicketRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? new Versioned<Ticket>(TicketEntityMapper.ToTicket(row.Value!), row.Value!.ETag.ToString()) : null;
    }

    public async Task<Versioned<Ticket>?> FindByIdempotencyKeyAsync(string idempotencyKey, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(KeyPartition(idempotencyKey), KeyRowKey, cancellationToken: cancellationToken);
        return row.HasValue ? await GetAsync(row.Value!.GetString("TicketId"), cancellationToken) : null;
    }

    public async Task<Versioned<Ticket>> UpdateAsync(Ticket ticket, string etag, TicketComment? comment = null, CancellationToken cancellationToken = default)
    {
        var entity = TicketEntityMapper.ToEntity(ticket);
        var newEtag = await TableErrors.GuardAsync(async () =>
        {
            if (comment is null)
            {
                return (await Table.UpdateEntityAsync(entity, new Azure.ETag(etag), TableUpdateMode.Replace, cancellationToken)).Headers.ETag;
            }
            var response = await Table.SubmitTransactionAsync([
                new TableTransactionAction(TableTransactionActionType.UpdateReplace, entity, new Azure.ETag(etag)),
                new TableTransactionAction(TableTransactionActionType.Add, TicketEntityMapper.ToEntity(ticket.Id, comment)),
            ], cancellationToken);
            return response.Value[0].Headers.ETag;
        });
        return new Versioned<Ticket>(ticket, newEtag.ToString()!);
    }

    public async Task<IReadOnlyList<TicketComment>> ListCommentsAsync(string id, CancellationToken cancellationToken = default)
    {
        var comments = new List<TicketComment>();
        var prefix = TicketEntityMapper.CommentPrefix;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey ge {prefix} and RowKey lt {prefix[..^1] + "."}");
        await foreach (var row in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            comments.Add(TicketEntityMapper.ToComment(row));
        }
        // Comment ids sort newest first, like ticket ids; a conversation reads oldest first.
        comments.Reverse();
        return comments;
    }

    public async Task<Page<Ticket>> ListAsync(TicketFilter filter, PageRequest page, CancellationToken cancellationToken = default)
    {
        var queues = filter.Queue is { } queue ? filter.VisibleQueues.Where(q => q == queue).ToList() : filter.VisibleQueues.ToList();
        if (queues.Count == 0)
        {
            return new Page<Ticket>([], null);
        }
        var query = TableClient.CreateQueryFilter($"RowKey eq {TicketEntityMapper.TicketRowKey}")
            + " and (" + string.Join(" or ", queues.Order(StringComparer.Ordinal).Select(q => TableClient.CreateQueryFilter($"Queue eq {q}"))) + ")";
        if (filter.Status is { } status)
        {
            query += " and " + TableClient.CreateQueryFilter($"Status eq {status.ToString()}");
        }
        var result = await paging.QueryAsync<TableEntity>(Table, query, page, "tickets", cancellationToken);
        return result.Map(TicketEntityMapper.ToTicket);
    }

    private static string KeyPartition(string idempotencyKey) =>
        "key-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)));
}
