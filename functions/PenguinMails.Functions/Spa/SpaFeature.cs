using Microsoft.Extensions.FileProviders;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Spa;

/// <summary>
/// Standalone, the function app also serves the built admin SPA at <c>/</c>: its files, and index.html for client-side
/// routes. <c>/api</c> is untouched, so an unmatched API path stays a 404 problem. Under the Functions host the Static
/// Web App serves the SPA instead, so nothing is added there.
/// </summary>
public static partial class SpaFeature
{
    /// <summary>Hashed build output: safe to cache for a year, because a new build has new names.</summary>
    private const string ImmutableCache = "public, max-age=31536000, immutable";

    public static WebApplication UseAdminSpa(this WebApplication app)
    {
        if (app.Services.GetRequiredService<FunctionHostMode>().UnderFunctionsHost)
        {
            return app;
        }
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SpaFeature));
        var root = SpaRoot.Resolve(app.Configuration, Directory.GetCurrentDirectory());
        if (root is null)
        {
            LogNotServed(logger, SpaRoot.Default(Directory.GetCurrentDirectory()));
            return app;
        }
        LogServing(logger, root);
        var files = new PhysicalFileProvider(root);
        app.UseWhen(context => !SpaFallback.IsApi(context.Request.Path), spa =>
        {
            spa.UseStaticFiles(new StaticFileOptions
            {
                FileProvider = files,
                OnPrepareResponse = file =>
                {
                    if (file.Context.Request.Path.StartsWithSegments("/assets", StringComparison.Ordinal))
                    {
                        file.Context.Response.Headers.CacheControl = ImmutableCache;
                    }
                    else if (file.File.Name.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
                    {
                        SpaFallback.AddDocumentHeaders(file.Context.Response);
                    }
                },
            });
            spa.UseMiddleware<SpaFallback>(files);
        });
        return app;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving the admin SPA from {Root}")]
    private static partial void LogServing(ILogger logger, string root);

    [LoggerMessage(Level = LogLevel.Information, Message = "Not serving the admin SPA: {Root} does not exist (build it with `npm run build` in web/, or set Spa__Root)")]
    private static partial void LogNotServed(ILogger logger, string root);
}
