using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Infrastructure.Tenants;
using PenguinMails.Admin.Tenants;
using PenguinMails.Admin.Users;

namespace PenguinMails.Admin.Infrastructure.Users;

/// <summary>
/// Growth facts straight from the user and tenant rows, asking the table service for three columns at most. Rows are
/// keyed by id, not by time, so a creation range is a filter on the <c>CreatedAt</c> property: the service still scans
/// the table, but only the rows created in the range come back. Pages of 1,000 rows are read one at a time.
/// </summary>
public sealed class TablePlatformGrowthReader(StorageClients storage) : IPlatformGrowthReader
{
    private const int PageSize = 1000;
    private static readonly string[] UserColumns = ["CreatedAt", "Status", "LastLoginAt"];
    private static readonly string[] TenantColumns = ["CreatedAt", "Status"];

    public async IAsyncEnumerable<UserGrowthFacts> ReadUsersAsync(DateTimeOffset? createdFrom, DateTimeOffset? createdBefore,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var users = storage.Table(PlatformUserRows.TableName);
        await foreach (var row in users.QueryAsync<TableEntity>(Created(null, createdFrom, createdBefore), PageSize, UserColumns, cancellationToken))
        {
            yield return new UserGrowthFacts(row.GetDateTimeOffset("CreatedAt")!.Value, Enum.Parse<PlatformUserStatus>(row.GetString("Status")),
                row.GetDateTimeOffset("LastLoginAt"));
        }
    }

    public async IAsyncEnumerable<TenantGrowthFacts> ReadTenantsAsync(DateTimeOffset? createdFrom, DateTimeOffset? createdBefore,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var tenants = storage.Table(TableTenantStore.TableName);
        var filter = Created(TableTenantStore.TenantRowsFilter, createdFrom, createdBefore);
        await foreach (var row in tenants.QueryAsync<TableEntity>(filter, PageSize, TenantColumns, cancellationToken))
        {
            yield return new TenantGrowthFacts(row.GetDateTimeOffset("CreatedAt")!.Value, Enum.Parse<TenantStatus>(row.GetString("Status")));
        }
    }

    private static string? Created(string? rows, DateTimeOffset? from, DateTimeOffset? before)
    {
        var filters = new List<string>();
        if (rows is not null)
        {
            filters.Add($"({rows})");
        }
        if (from is { } start)
        {
            filters.Add(TableClient.CreateQueryFilter($"CreatedAt ge {start}"));
        }
        if (before is { } end)
        {
            filters.Add(TableClient.CreateQueryFilter($"CreatedAt lt {end}"));
        }
        return filters.Count == 0 ? null : string.Join(" and ", filters);
    }
}
