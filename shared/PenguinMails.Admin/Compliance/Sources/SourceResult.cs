namespace PenguinMails.Admin.Compliance.Sources;

/// <summary>
/// What a report section gets from another feature: the data, or why it is not available. A source that cannot
/// answer is reported as such in the report, never as zeros.
/// </summary>
public sealed record SourceResult<T>(T? Data, string? Unavailable)
{
    public bool IsAvailable => Unavailable is null;

    public static SourceResult<T> Of(T data) => new(data, null);

    public static SourceResult<T> NotAvailable(string reason) => new(default, $"not available: {reason}");
}
