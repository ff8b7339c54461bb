using Azure;
using Azure.Data.Tables;
using PenguinMails.Admin.Compliance.SignIns;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Compliance;

/// <summary>The sign-in monitor's watermark: one row, moved with its ETag so concurrent runs can't both move it.</summary>
public sealed class TableMonitorCheckpoint(StorageClients storage) : IMonitorCheckpoint
{
    public const string TableName = "MonitorCheckpoints";
    private const string Partition = "checkpoint";
    private const string Row = "sign-in-monitor";
    private TableClient Table => storage.Table(TableName);

    public async Task<(DateTimeOffset? Watermark, string? ETag)> GetAsync(CancellationToken cancellationToken = default)
    {
        var row = await Table.GetEntityIfExistsAsync<TableEntity>(Partition, Row, cancellationToken: cancellationToken);
        return row.HasValue ? (row.Value!.GetDateTimeOffset("Watermark"), row.Value!.ETag.ToString()) : (null, null);
    }

    public async Task<bool> SaveAsync(DateTimeOffset watermark, string? etag, CancellationToken cancellationToken = default)
    {
        var entity = new TableEntity(Partition, Row) { ["Watermark"] = watermark };
        try
        {
            if (etag is null)
            {
                await Table.AddEntityAsync(entity, cancellationToken);
            }
            else
            {
                await Table.UpdateEntityAsync(entity, new ETag(etag), TableUpdateMode.Replace, cancellationToken);
            }
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            return false;
        }
    }
}
