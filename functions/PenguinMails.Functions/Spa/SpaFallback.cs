using Microsoft.Extensions.FileProviders;
using PenguinMails.Admin.Infrastructure.Compliance;

namespace PenguinMails.Functions.Spa;

/// <summary>
/// Answers client-side routes (<c>/dashboard/users/staff/42</c>) with index.html, so a reload or a shared link opens
/// the right screen. Only GET and HEAD of paths that look like routes, not files, and never under /api.
/// </summary>
public sealed class SpaFallback(RequestDelegate next, IFileProvider files)
{
    public const string IndexFile = "index.html";

    /// <summary>
    /// What the SPA loads: its own bundle, plus Google Identity Services for production sign-in. The report page shows a
    /// report's HTML in a sandboxed srcdoc frame, which inherits this policy, so the report's one inline stylesheet is
    /// allowed by its hash. web/public/staticwebapp.config.json sends the same policy from the Static Web App (a test
    /// keeps the two equal).
    /// </summary>
    public static string ContentSecurityPolicy { get; } =
        "default-src 'self'; script-src 'self' https://accounts.google.com/gsi/client; frame-src https://accounts.google.com/gsi/; "
        + $"connect-src 'self' https://accounts.google.com/gsi/; style-src 'self' https://accounts.google.com/gsi/style {ReportHtmlStyles.CspHashSource}; "
        + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public async Task InvokeAsync(HttpContext context)
    {
        if (!IsClientRoute(context))
        {
            await next(context);
            return;
        }
        var index = files.GetFileInfo(IndexFile);
        if (!index.Exists)
        {
            await next(context);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        context.Response.ContentLength = index.Length;
        AddDocumentHeaders(context.Response);
        if (HttpMethods.IsGet(context.Request.Method))
        {
            await context.Response.SendFileAsync(index, context.RequestAborted);
        }
    }

    public static bool IsApi(PathString path) => path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase);

    /// <summary>Headers for the HTML document; assets keep only the API's defaults.</summary>
    public static void AddDocumentHeaders(HttpResponse response)
    {
        response.Headers.ContentSecurityPolicy = ContentSecurityPolicy;
        response.Headers.XFrameOptions = "DENY";
        response.Headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        response.Headers.CacheControl = "no-cache";
    }

    private static bool IsClientRoute(HttpContext context)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || context.GetEndpoint() is not null || IsApi(request.Path))
        {
            return false;
        }
        // Like the router's `nonfile` constraint: a last segment with a dot is a file, and a missing file stays 404.
        var path = request.Path.Value ?? "/";
        var last = path[(path.LastIndexOf('/') + 1)..];
        return !last.Contains('.', StringComparison.Ordinal);
    }
}
