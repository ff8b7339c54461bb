namespace PenguinMails.Functions.Http;

/// <summary>
/// Rejects a declared Content-Length above the limit before any work is done. Kestrel enforces the same
/// limit on chunked bodies, which surfaces as a 413 BadHttpRequestException.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, HttpOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.ContentLength > options.MaxRequestBodyBytes)
        {
            await Problems.WriteAsync(context, Problems.Create(context, 413, "payload_too_large", "The request body is too large.",
                $"The limit is {options.MaxRequestBodyBytes} bytes."));
            return;
        }
        await next(context);
    }
}
