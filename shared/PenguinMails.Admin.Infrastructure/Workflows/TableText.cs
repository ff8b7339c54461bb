using Azure.Data.Tables;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// Long text in table rows: a string property holds at most 64 KiB (32K UTF-16 characters), so longer values are
/// split over numbered properties ("Name", "Name1", ...). The whole row must still stay under 1 MiB.
/// </summary>
internal static class TableText
{
    private const int ChunkChars = 30_000;

    public static void Set(TableEntity entity, string name, string? value)
    {
        if (value is null)
        {
            return;
        }
        for (int offset = 0, part = 0; offset < value.Length || part == 0; offset += ChunkChars, part++)
        {
            entity[part == 0 ? name : name + part] = value.Substring(offset, Math.Min(ChunkChars, value.Length - offset));
        }
    }

    public static string? Get(TableEntity entity, string name)
    {
        var first = entity.GetString(name);
        if (first is null || first.Length < ChunkChars)
        {
            return first;
        }
        var text = new System.Text.StringBuilder(first);
        for (var part = 1; entity.GetString(name + part) is { } next; part++)
        {
            text.Append(next);
        }
        return text.ToString();
    }
}
