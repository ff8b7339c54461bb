namespace PenguinMails.Admin.Compliance.Sources;

/// <summary>
/// What a report section gets from another feature: the data, or why it is not available. A missing feature is
/// reported as such in the report, never as zeros.
/// </summary>
public sealed record SourceResult<T>(T? Data, string? Unavailable)
{
    public bool IsAvailable => Unavailable is null;

    public static SourceResult<T> Of(T data) => new(data, null);

    public static SourceResult<T> NotInstalled(string feature) => new(default, $"not available: {feature} is not installed");
}
