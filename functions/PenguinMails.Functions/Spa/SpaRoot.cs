namespace PenguinMails.Functions.Spa;

/// <summary>Where the built SPA is: <c>Spa:Root</c> when set, else <c>&lt;cwd&gt;/web/dist</c> when it exists.</summary>
public static class SpaRoot
{
    public const string Setting = "Spa:Root";

    public static string Default(string currentDirectory) => Path.Combine(currentDirectory, "web", "dist");

    /// <summary>The folder to serve, or null when no SPA was built. A configured folder must exist and hold index.html.</summary>
    public static string? Resolve(IConfiguration configuration, string currentDirectory)
    {
        var configured = configuration[Setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            var fallback = Default(currentDirectory);
            return File.Exists(Path.Combine(fallback, "index.html")) ? fallback : null;
        }
        var root = Path.GetFullPath(configured, currentDirectory);
        // An explicit setting that points nowhere is a mistake worth stopping for, unlike a checkout without a build.
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            throw new InvalidOperationException($"{Setting} is '{configured}', but '{root}' holds no index.html. Build the SPA (npm run build in web/) or fix the setting.");
        }
        return root;
    }
}
