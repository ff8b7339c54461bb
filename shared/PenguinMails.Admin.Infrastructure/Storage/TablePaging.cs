using Azure.Data.Tables;
using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Infrastructure.Storage;

/// <summary>Reads one page of a table query and wraps the continuation token in a tamper-checked cursor.</summary>
public sealed class TablePaging(CursorCodec cursors)
{
    public async Task<Page<T>> QueryAsync<T>(TableClient table, string? filter, PageRequest page, string scope, CancellationToken cancellationToken)
        where T : class, ITableEntity, new()
    {
        var fullScope = table.Name + "|" + filter;
        var token = page.Cursor is null ? null : cursors.Decode(fullScope + "|" + scope, page.Cursor);
        await foreach (var result in table.QueryAsync<T>(filter, page.PageSize, cancellationToken: cancellationToken)
                           .AsPages(token, page.PageSize).WithCancellation(cancellationToken))
        {
            var next = result.ContinuationToken is null ? null : cursors.Encode(fullScope + "|" + scope, result.ContinuationToken);
            return new Page<T>(result.Values, next);
        }
        return new Page<T>([], null);
    }
}
