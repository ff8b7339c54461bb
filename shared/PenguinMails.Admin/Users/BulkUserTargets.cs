using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Users;

/// <summary>
/// Turns the ways an admin can pick users for a bulk operation (a filter, or a file of ids or emails) into user ids,
/// at most <see cref="BulkUserCommand.MaxUsers"/> of them.
/// </summary>
public sealed class BulkUserTargets(IPlatformUserStore users)
{
    // Counting stops here: past it the answer is "narrow the filter" whatever the exact number.
    private const int CountLimit = 100_000;

    /// <summary>The ids of every user the filter matches; 400 <c>too_many_users</c> (with <c>matched</c>) past the limit.</summary>
    public async Task<IReadOnlyList<string>> ResolveAsync(UserFilter filter, CancellationToken cancellationToken = default)
    {
        if (!filter.HasCriteria)
        {
            throw AdminException.Validation("filter", "Give at least one filter criterion.");
        }
        var ids = new List<string>();
        var matched = 0;
        await foreach (var user in users.StreamAsync(filter, cancellationToken))
        {
            if (++matched <= BulkUserCommand.MaxUsers)
            {
                ids.Add(user.Id);
            }
            else if (matched > CountLimit)
            {
                break;
            }
        }
        if (matched > BulkUserCommand.MaxUsers)
        {
            var count = matched > CountLimit ? $"more than {CountLimit:N0}" : $"{matched:N0}";
            throw AdminException.BadRequest("too_many_users",
                $"The filter matches {count} users; one operation takes at most {BulkUserCommand.MaxUsers:N0}. Narrow the filter.",
                new Dictionary<string, object> { ["matched"] = Math.Min(matched, CountLimit + 1), ["limit"] = BulkUserCommand.MaxUsers });
        }
        return ids;
    }

    /// <summary>
    /// The users named by a file's rows. Ids must look like ids; emails are looked up in <paramref name="tenantId"/>
    /// (emails are unique per tenant). A repeated user, a malformed id and an unknown email are row errors.
    /// </summary>
    public async Task<BulkFileTargets> ResolveAsync(BulkFileColumn column, string? tenantId, IReadOnlyList<BulkFileRow> rows,
        CancellationToken cancellationToken = default)
    {
        var field = column == BulkFileColumn.Id ? "id" : "email";
        var errors = new List<BulkRowError>();
        var firstLine = new Dictionary<string, int>(StringComparer.Ordinal);
        var named = new List<(int Line, string Value)>();
        foreach (var row in rows)
        {
            var value = column == BulkFileColumn.Id ? row.Value.Trim() : row.Value.Trim().ToLowerInvariant();
            if (value.Length == 0)
            {
                errors.Add(new BulkRowError(row.Line, field, $"The {field} is empty."));
            }
            else if (column == BulkFileColumn.Id && !PlatformUserIds.IsValid(value))
            {
                errors.Add(new BulkRowError(row.Line, field, "Not a user id (24 lowercase hex characters)."));
            }
            else if (column == BulkFileColumn.Email && !Validator.IsEmail(value))
            {
                errors.Add(new BulkRowError(row.Line, field, "Not an email address."));
            }
            else if (firstLine.TryGetValue(value, out var first))
            {
                errors.Add(new BulkRowError(row.Line, field, $"Duplicate of line {first}."));
            }
            else
            {
                firstLine[value] = row.Line;
                named.Add((row.Line, value));
            }
        }
        if (column == BulkFileColumn.Id)
        {
            return new BulkFileTargets(named.Select(n => n.Value).ToList(), errors);
        }
        var ids = new string?[named.Count];
        await Parallel.ForAsync(0, named.Count, new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = cancellationToken }, async (i, ct) =>
            ids[i] = await users.FindIdByEmailAsync(tenantId!, named[i].Value, ct));
        for (var i = 0; i < named.Count; i++)
        {
            if (ids[i] is null)
            {
                errors.Add(new BulkRowError(named[i].Line, field, $"No user of tenant '{tenantId}' has this email."));
            }
        }
        return new BulkFileTargets(ids.OfType<string>().ToList(), errors.OrderBy(e => e.Line).ToList());
    }
}
