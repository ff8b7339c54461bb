using System.Text.Json;
using PenguinMails.Admin.Common;

namespace PenguinMails.Functions.Http;

/// <summary>
/// Turns every failure into a problem with a stable code: our own <see cref="AdminException"/>s, the framework's
/// bad-request cases (malformed JSON, unknown properties, wrong content type, too-large bodies), and finally 500
/// without internals.
/// </summary>
public sealed partial class ErrorHandlingMiddleware(RequestDelegate next, ILogger<ErrorHandlingMiddleware> logger)
{
    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
        {
            var outage = exception is AdminException ? null : OutageProblems.TryCreate(context, exception);
            var problem = outage ?? Map(context, exception);
            if (problem.Status >= 500)
            {
                LogUnhandled(exception, context.Request.Method, context.Request.Path);
            }
            context.Response.Clear();
            var retryAfter = exception is AdminException { RetryAfter: { } wait } ? wait
                : problem.Status == 503 ? OutageProblems.RetryAfter : (TimeSpan?)null;
            if (retryAfter is { } delay)
            {
                context.Response.Headers.RetryAfter = ((int)Math.Ceiling(delay.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            await Problems.WriteAsync(context, problem);
        }
    }

    private static Microsoft.AspNetCore.Mvc.ProblemDetails Map(HttpContext context, Exception exception) => exception switch
    {
        AdminException admin => Problems.From(context, admin),
        BadHttpRequestException { StatusCode: 413 } => Problems.Create(context, 413, "payload_too_large", "The request body is too large."),
        BadHttpRequestException { StatusCode: 415 } => Problems.Create(context, 415, "unsupported_media_type", "Unsupported media type.", "Send the body as application/json."),
        BadHttpRequestException { InnerException: JsonException json } => JsonProblem(context, json),
        BadHttpRequestException bad when bad.Message.Contains("no body was provided", StringComparison.OrdinalIgnoreCase) || bad.Message.Contains("body was not provided", StringComparison.OrdinalIgnoreCase) =>
            Problems.Create(context, 400, "body_required", "The request is not valid.", "A JSON body is required."),
        BadHttpRequestException bad when BindingProblems.TryCreate(context, bad) is { } binding => binding,
        BadHttpRequestException bad => Problems.Create(context, bad.StatusCode, "bad_request", "The request is not valid.", bad.Message),
        JsonException json => JsonProblem(context, json),
        _ => Problems.Create(context, 500, "internal_error", "An unexpected error occurred.", "The error was logged with the trace id."),
    };

    private static Microsoft.AspNetCore.Mvc.ProblemDetails JsonProblem(HttpContext context, JsonException json)
    {
        var field = string.IsNullOrEmpty(json.Path) ? "$" : json.Path;
        if (json.Message.Contains("could not be mapped", StringComparison.Ordinal))
        {
            var problem = Problems.Create(context, 400, "unknown_property", "The request is not valid.", $"'{field}' is not a property you can set here.");
            problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = ["Unknown property."] };
            return problem;
        }
        if (json.Message.Contains("missing required properties", StringComparison.Ordinal))
        {
            // "... was missing required properties including: 'displayName', 'roles'."
            var missing = json.Message[json.Message.IndexOf(':', StringComparison.Ordinal)..].Split('\'').Where((_, i) => i % 2 == 1).ToList();
            var problem = Problems.Create(context, 400, "validation_failed", "The request is not valid.", "See 'errors' for each field.");
            problem.Extensions["errors"] = missing.ToDictionary(m => m, m => new[] { $"{m} is required." });
            return problem;
        }
        var malformed = Problems.Create(context, 400, "malformed_json", "The request body is not valid JSON for this operation.", $"Problem at '{field}'.");
        malformed.Extensions["errors"] = new Dictionary<string, string[]> { [field] = ["Invalid or missing value."] };
        return malformed;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled error on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, string path);
}
