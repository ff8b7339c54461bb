using System.Runtime.CompilerServices;
using Azure.Data.Tables;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Users;

namespace PenguinMails.Admin.Infrastructure.Users;

/// <summary>
/// Searches and exports users through the index: read a range of index rows, fetch the users they point at, and keep
/// a hit only if the user row still has that index key and matches the whole filter. Stale rows found on the way are
/// deleted. With no filter at all, the user rows themselves are read in order.
/// </summary>
internal sealed class UserSearch(StorageClients storage, CursorCodec cursors, TablePaging paging, UserIndexWriter index,
    Func<IReadOnlyCollection<string>, CancellationToken, Task<IReadOnlyDictionary<string, Versioned<PlatformUser>>>> load)
{
    // A page reads at most this many index rows per requested item before it answers with what it has and a cursor.
    private const int ScanBudgetPerItem = 4;

    private TableClient Index => storage.Table(UserIndexKeys.TableName);
    private TableClient Users => storage.Table(PlatformUserRows.TableName);

    public async Task<Page<PlatformUser>> SearchAsync(UserFilter filter, PageRequest page, CancellationToken cancellationToken)
    {
        var plan = UserIndexKeys.PlanFor(filter);
        if (plan is null)
        {
            return (await paging.QueryAsync<TableEntity>(Users, null, page, "users", cancellationToken)).Map(PlatformUserRows.ToUser);
        }
        var scope = $"users|{plan.PartitionKey}|{plan.From}|{filter.TenantId}|{filter.Status}|{filter.Role}|{filter.Query}|{filter.CreatedAfter:O}|{filter.CreatedBefore:O}|{filter.EmailDomain}";
        var after = page.Cursor is null ? null : cursors.Decode(scope, page.Cursor);
        var found = new List<PlatformUser>();
        string? last = null;
        var budget = page.PageSize * ScanBudgetPerItem;
        await foreach (var batch in ReadIndexAsync(plan, after, Math.Min(page.PageSize * 2, 1000), cancellationToken))
        {
            foreach (var (row, user) in await VerifyAsync(batch, filter, plan, cancellationToken))
            {
                last = row.RowKey;
                if (user is not null)
                {
                    found.Add(user);
                }
                if (found.Count == page.PageSize)
                {
                    return new Page<PlatformUser>(found, cursors.Encode(scope, last));
                }
            }
            budget -= batch.Count;
            if (budget <= 0)
            {
                return new Page<PlatformUser>(found, cursors.Encode(scope, last!));
            }
        }
        return new Page<PlatformUser>(found, null);
    }

    public async IAsyncEnumerable<PlatformUser> StreamAsync(UserFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var plan = UserIndexKeys.PlanFor(filter);
        if (plan is null)
        {
            // No indexed criterion: scan the user rows, letting the table service drop rows outside the creation window.
            await foreach (var row in Users.QueryAsync<TableEntity>(CreatedFilter(filter), maxPerPage: 1000, cancellationToken: cancellationToken))
            {
                var user = PlatformUserRows.ToUser(row);
                if (filter.Matches(user))
                {
                    yield return user;
                }
            }
            yield break;
        }
        await foreach (var batch in ReadIndexAsync(plan, null, 1000, cancellationToken))
        {
            foreach (var (_, user) in await VerifyAsync(batch, filter, plan, cancellationToken))
            {
                if (user is not null)
                {
                    yield return user;
                }
            }
        }
    }

    private static string? CreatedFilter(UserFilter filter)
    {
        var parts = new List<string>();
        if (filter.CreatedAfter is { } after)
        {
            parts.Add($"CreatedAt ge datetime'{after.UtcDateTime:O}'");
        }
        if (filter.CreatedBefore is { } before)
        {
            parts.Add($"CreatedAt lt datetime'{before.UtcDateTime:O}'");
        }
        return parts.Count == 0 ? null : string.Join(" and ", parts);
    }

    private async IAsyncEnumerable<IReadOnlyList<TableEntity>> ReadIndexAsync(UserSearchPlan plan, string? after, int pageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = $"PartitionKey eq '{TableKeys.Escape(plan.PartitionKey)}' and RowKey ge '{TableKeys.Escape(plan.From)}' " +
            $"and RowKey lt '{TableKeys.Escape(plan.To)}'" + (after is null ? "" : $" and RowKey gt '{TableKeys.Escape(after)}'");
        await foreach (var result in Index.QueryAsync<TableEntity>(filter, pageSize, cancellationToken: cancellationToken).AsPages(pageSizeHint: pageSize)
                           .WithCancellation(cancellationToken))
        {
            if (result.Values.Count > 0)
            {
                yield return result.Values;
            }
        }
    }

    private async Task<List<(TableEntity Row, PlatformUser? User)>> VerifyAsync(IReadOnlyList<TableEntity> rows, UserFilter filter, UserSearchPlan plan,
        CancellationToken cancellationToken)
    {
        var users = await load(rows.Select(r => r.GetString("UserId")).Distinct().ToList(), cancellationToken);
        var verified = new List<(TableEntity, PlatformUser?)>(rows.Count);
        var stale = new List<TableEntity>();
        foreach (var row in rows)
        {
            var user = users.TryGetValue(row.GetString("UserId"), out var found) ? found.Value : null;
            if (user is null || !UserIndexKeys.Of(user).Any(k => k.PartitionKey == row.PartitionKey && k.RowKey == row.RowKey))
            {
                stale.Add(row);
                verified.Add((row, null));
                continue;
            }
            // A user whose email and name both start with the query has two rows in the range; keep the email one.
            var duplicate = plan.Query is not null && row.GetString("Field") == "name" && SearchText.Of(user.Email).StartsWith(plan.Query, StringComparison.Ordinal);
            verified.Add((row, filter.Matches(user) && !duplicate ? user : null));
        }
        foreach (var row in stale)
        {
            await index.DeleteStaleAsync(row, cancellationToken);
        }
        return verified;
    }
}
