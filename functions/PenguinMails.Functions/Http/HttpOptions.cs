namespace PenguinMails.Functions.Http;

public sealed class HttpOptions
{
    /// <summary>The largest request body accepted (default 1 MiB). Bulk operations of 10,000 ids fit well within it.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;
}
