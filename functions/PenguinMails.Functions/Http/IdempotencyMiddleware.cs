using System.Security.Claims;
using System.Security.Cryptography;
using PenguinMails.Admin.Common;

namespace PenguinMails.Functions.Http;

/// <summary>
/// Stripe-style <c>Idempotency-Key</c> on POST and PATCH from a signed-in staff member. The first request with a key
/// reserves it and runs; its answer (status, Location/ETag/Content-Type, body) is kept for 24 hours. A retry with
/// the same key and the same request gets that answer again, marked <c>Idempotent-Replayed: true</c>, and nothing
/// runs twice. The same key with another request is 422 idempotency_key_reused; a duplicate that arrives while
/// the first is still running is 409 idempotency_request_in_progress. 5xx answers are not kept, so those may be retried.
/// </summary>
public sealed class IdempotencyMiddleware(RequestDelegate next, IIdempotencyStore store, TimeProvider time)
{
    public const string Header = "Idempotency-Key";
    public const int MaxKeyLength = 255;
    private static readonly string[] KeptHeaders = ["Location", "ETag", "Content-Type", "Retry-After"];

    public async Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsPost(request.Method) || HttpMethods.IsPatch(request.Method)) || !request.Headers.TryGetValue(Header, out var values)
            || context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } staffId)
        {
            await next(context);
            return;
        }
        var key = values.ToString();
        if (key.Length is 0 or > MaxKeyLength || key.Any(c => c is < (char)0x20 or > (char)0x7E))
        {
            throw AdminException.Validation(Header, $"{Header} must be 1 to {MaxKeyLength} printable ASCII characters.");
        }
        var fingerprint = await FingerprintAsync(request, context.RequestAborted);
        var existing = await store.TryReserveAsync(staffId, key, fingerprint, time.GetUtcNow(), context.RequestAborted);
        if (existing is not null)
        {
            await AnswerExistingAsync(context, existing, fingerprint);
            return;
        }
        await RunAndKeepAsync(context, staffId, key);
    }

    private async Task RunAndKeepAsync(HttpContext context, string staffId, string key)
    {
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            await store.ReleaseAsync(staffId, key, CancellationToken.None);
            throw;
        }
        context.Response.Body = original;
        var status = context.Response.StatusCode;
        if (status >= 500 || status is 401 or 429)
        {
            await store.ReleaseAsync(staffId, key, CancellationToken.None);
        }
        else
        {
            var headers = KeptHeaders.Where(h => context.Response.Headers.ContainsKey(h))
                .ToDictionary(h => h, h => context.Response.Headers[h].ToString());
            await store.CompleteAsync(staffId, key, new IdempotentResponse(status, headers, captured.ToArray()), CancellationToken.None);
        }
        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task AnswerExistingAsync(HttpContext context, IdempotencyRecord existing, string fingerprint)
    {
        if (!CryptographicOperations.FixedTimeEquals(Convert.FromHexString(existing.Fingerprint), Convert.FromHexString(fingerprint)))
        {
            await Problems.WriteAsync(context, Problems.Create(context, 422, "idempotency_key_reused", "Idempotency key reused.",
                $"This {Header} was already used for a different request. Use a new key for a new request."));
            return;
        }
        if (existing.Response is not { } response)
        {
            context.Response.Headers.RetryAfter = "1";
            await Problems.WriteAsync(context, Problems.Create(context, 409, "idempotency_request_in_progress", "Conflict.",
                $"A request with this {Header} is still running; retry shortly to get its answer."));
            return;
        }
        context.Response.StatusCode = response.Status;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }
        context.Response.Headers["Idempotent-Replayed"] = "true";
        await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
    }

    /// <summary>Method, path, query and body: what makes two requests "the same request".</summary>
    private static async Task<string> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{request.Method} {request.Path}{request.QueryString}\n"));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }
        request.Body.Position = 0;
        return Convert.ToHexString(hash.GetHashAndReset());
    }
}
