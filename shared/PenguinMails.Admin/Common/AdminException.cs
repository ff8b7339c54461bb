namespace PenguinMails.Admin.Common;

/// <summary>
/// A failure the caller can act on. The HTTP layer turns it into an RFC 9457 problem with
/// <see cref="Status"/> and the stable <see cref="Code"/>; anything else is a 500.
/// </summary>
public sealed class AdminException : Exception
{
    private AdminException(int status, string code, string title, string? detail, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(detail ?? title)
    {
        Status = status;
        Code = code;
        Title = title;
        Detail = detail;
        Errors = errors;
    }

    public int Status { get; }
    public string Code { get; }
    public string Title { get; }
    public string? Detail { get; }
    public IReadOnlyDictionary<string, string[]>? Errors { get; }
    public TimeSpan? RetryAfter { get; private init; }

    /// <summary>Extra members of the problem (for example how many users a bulk filter matched).</summary>
    public IReadOnlyDictionary<string, object>? Extensions { get; private init; }

    public static AdminException Validation(IReadOnlyDictionary<string, string[]> errors) =>
        new(400, "validation_failed", "The request is not valid.", "See 'errors' for each field.", errors);

    public static AdminException Validation(string field, string message) =>
        Validation(new Dictionary<string, string[]> { [field] = [message] });

    public static AdminException BadRequest(string code, string detail) => new(400, code, "The request is not valid.", detail);

    public static AdminException BadRequest(string code, string detail, IReadOnlyDictionary<string, object> extensions) =>
        new(400, code, "The request is not valid.", detail) { Extensions = extensions };

    public static AdminException Unauthenticated(string detail = "A valid session token is required.", string code = "unauthenticated") =>
        new(401, code, "Authentication required.", detail);

    public static AdminException Forbidden(string detail, string code = "forbidden") => new(403, code, "Forbidden.", detail);

    public static AdminException NotFound(string resource, string id) =>
        new(404, "not_found", "Not found.", $"{resource} '{id}' does not exist.");

    public static AdminException Conflict(string detail, string code = "conflict") => new(409, code, "Conflict.", detail);

    public static AdminException PreconditionFailed(string detail = "The resource changed since you read it; reload it and retry.") =>
        new(412, "precondition_failed", "Precondition failed.", detail);

    public static AdminException Unavailable(string code, string detail) => new(503, code, "Service unavailable.", detail);

    public static AdminException RateLimited(TimeSpan retryAfter, string detail) =>
        new(429, "rate_limited", "Too many requests.", detail) { RetryAfter = retryAfter };
}
