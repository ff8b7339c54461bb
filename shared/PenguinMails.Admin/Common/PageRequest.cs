namespace PenguinMails.Admin.Common;

/// <summary>The caller's paging request: page size (default 50, max 500) and the cursor from the previous page.</summary>
public sealed record PageRequest(int PageSize, string? Cursor)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    public static PageRequest First(int pageSize = DefaultPageSize) => new(pageSize, null);

    public static PageRequest From(int? pageSize, string? cursor)
    {
        var size = pageSize ?? DefaultPageSize;
        if (size is < 1 or > MaxPageSize)
        {
            throw AdminException.Validation("pageSize", $"pageSize must be between 1 and {MaxPageSize}.");
        }
        return new PageRequest(size, string.IsNullOrWhiteSpace(cursor) ? null : cursor);
    }
}
