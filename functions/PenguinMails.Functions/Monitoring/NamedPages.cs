using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Functions.Monitoring;

/// <summary>
/// Pages a computed list ordered by name. The cursor is the last name of the previous page, signed like every
/// other cursor, so it survives items appearing or disappearing between pages.
/// </summary>
public static class NamedPages
{
    public static Page<T> Of<T>(IEnumerable<T> items, Func<T, string> name, PageRequest page, string scope, CursorCodec cursors)
    {
        var after = page.Cursor is null ? null : cursors.Decode(scope, page.Cursor);
        var ordered = items.OrderBy(name, StringComparer.Ordinal).Where(i => after is null || string.CompareOrdinal(name(i), after) > 0).ToList();
        var slice = ordered.Take(page.PageSize).ToList();
        var next = ordered.Count > slice.Count ? cursors.Encode(scope, name(slice[^1])) : null;
        return new Page<T>(slice, next);
    }
}
