namespace PenguinMails.Admin.Compliance.Reports;

/// <summary>Collects the rows of one report section.</summary>
public sealed class ReportTable(string key, string title, params string[] columns)
{
    private readonly List<IReadOnlyList<string>> _rows = [];

    public string? Description { get; set; }

    public int Count => _rows.Count;

    public ReportTable Add(params string[] cells)
    {
        if (cells.Length != columns.Length)
        {
            throw new ArgumentException($"Section '{key}' has {columns.Length} columns, not {cells.Length}.", nameof(cells));
        }
        _rows.Add(cells);
        return this;
    }

    public ReportSection Build() => new(key, title, Description, null, columns, _rows);

    /// <summary>The section for data another feature provides, when that feature cannot answer (the vault unreachable, say).</summary>
    public ReportSection Unavailable(string why) => new(key, title, Description, why, columns, []);
}
