using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Billing;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Billing;

/// <summary>
/// Finance tickets in a table until the Tickets feature takes over <see cref="IFinanceTicketDesk"/>: one "ticket" row
/// each (stored as JSON) and one "ref" row per external reference, which makes opening idempotent.
/// </summary>
public sealed class TableFinanceTicketDesk(StorageClients storage, TimeProvider time) : IFinanceTicketDesk
{
    public const string TableName = "FinanceTickets";
    private const string TicketPartition = "ticket";
    private const string RefPartition = "ref";
    private TableClient Table => storage.Table(TableName);

    public async Task<FinanceTicket> OpenAsync(NewFinanceTicket ticket, CancellationToken cancellationToken = default)
    {
        if (await FindAsync(ticket.ExternalRef, cancellationToken) is { } existing)
        {
            return existing;
        }
        var now = time.GetUtcNow();
        var created = new FinanceTicket(Guid.NewGuid().ToString("N"), ticket.Title, ticket.Queue, FinanceTicketStatus.Open, ticket.TenantId,
            ticket.ExternalRef, ticket.Description, ticket.DueAt, false, [], now, now);
        await Table.AddEntityAsync(ToEntity(created), cancellationToken);
        try
        {
            await Table.AddEntityAsync(new TableEntity(RefPartition, RefKey(ticket.ExternalRef)) { ["TicketId"] = created.Id }, cancellationToken);
            return created;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // A concurrent open won; keep its ticket and drop ours.
            await Table.DeleteEntityAsync(TicketPartition, created.Id, ETag.All, cancellationToken);
            return await FindAsync(ticket.ExternalRef, cancellationToken) ?? throw new InvalidOperationException("The winning ticket vanished.");
        }
    }

    public async Task<FinanceTicket?> FindAsync(string externalRef, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(RefPartition, RefKey(externalRef), cancellationToken: cancellationToken);
        return row.HasValue ? await GetAsync(row.Value!.GetString("TicketId"), cancellationToken) : null;
    }

    public async Task<FinanceTicket?> GetAsync(string id, CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(TicketPartition, id, cancellationToken: cancellationToken);
        return row.HasValue ? ToTicket(row.Value!) : null;
    }

    public async Task<FinanceTicket> UpdateAsync(string id, FinanceTicketUpdate update, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            var row = await Table.GetEntityIfExistsAsync<TableEntity>(TicketPartition, id, cancellationToken: cancellationToken);
            var current = row.HasValue ? ToTicket(row.Value!) : throw new InvalidOperationException($"Ticket {id} does not exist.");
            var updated = current with
            {
                Status = update.Status ?? current.Status,
                DueAt = update.DueAt ?? current.DueAt,
                Escalated = update.Escalated ?? current.Escalated,
                Notes = update.Note is null ? current.Notes : [.. current.Notes, update.Note],
                UpdatedAt = time.GetUtcNow(),
            };
            try
            {
                await Table.UpdateEntityAsync(ToEntity(updated), row.Value!.ETag, TableUpdateMode.Replace, cancellationToken);
                return updated;
            }
            catch (RequestFailedException e) when (e.Status == 412)
            {
                // Changed concurrently (e.g. a reminder and a webhook): apply ours on top of the fresh copy.
            }
        }
    }

    private static string RefKey(string externalRef) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(externalRef)));

    private static TableEntity ToEntity(FinanceTicket t) => new(TicketPartition, t.Id)
    {
        ["Queue"] = t.Queue,
        ["Status"] = t.Status.ToString(),
        ["TenantId"] = t.TenantId,
        ["Data"] = JsonSerializer.Serialize(t, JsonSerializerOptions.Web),
    };

    private static FinanceTicket ToTicket(TableEntity e) =>
        JsonSerializer.Deserialize<FinanceTicket>(e.GetString("Data"), JsonSerializerOptions.Web)
        ?? throw new InvalidOperationException($"Ticket {e.RowKey} is unreadable.");
}
