namespace PenguinMails.Admin.Monitoring;

/// <summary>
/// Rows an in-memory aggregator has not written yet. Call <see cref="Commit"/> only after the write succeeded:
/// a failed write leaves them pending, so the next flush writes them again (rows are cumulative, so that is safe).
/// </summary>
public sealed class FlushBatch<T>(IReadOnlyList<T> rows, Action commit)
{
    public IReadOnlyList<T> Rows { get; } = rows;

    public void Commit() => commit();
}
