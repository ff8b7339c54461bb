namespace PenguinMails.Admin.Monitoring;

/// <summary>Durable per-minute, per-instance request rows, shared by every instance.</summary>
public interface IRequestStatsStore
{
    /// <summary>Writes (replaces) the rows; each row holds its instance's cumulative figures for that minute.</summary>
    Task WriteAsync(IReadOnlyCollection<RequestMinute> minutes, CancellationToken cancellationToken = default);

    /// <summary>Every row whose minute is in [<paramref name="from"/>, <paramref name="to"/>], from all instances.</summary>
    IAsyncEnumerable<RequestMinute> ReadAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>The rows of one function whose minute is in [<paramref name="from"/>, <paramref name="to"/>], from all instances.</summary>
    IAsyncEnumerable<RequestMinute> ReadFunctionAsync(string function, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken = default);

    /// <summary>Deletes rows for minutes before <paramref name="before"/>; returns how many.</summary>
    Task<int> PruneAsync(DateTimeOffset before, CancellationToken cancellationToken = default);
}
