using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Spa;

/// <summary>The app serving a small fake build from a temporary folder, set as <c>Spa:Root</c>.</summary>
public sealed class SpaAppFactory : AdminAppFactory
{
    public const string IndexHtml = "<!doctype html><title>PenguinMails Admin</title><div id=\"root\"></div>";
    public const string AppScript = "console.log('penguin');";

    public SpaAppFactory()
        : this(CreateBuild())
    {
    }

    private SpaAppFactory(string root)
        : base(new Dictionary<string, string?> { ["Spa:Root"] = root }) => Root = root;

    public string Root { get; }

    public static string CreateBuild()
    {
        var root = Directory.CreateTempSubdirectory("pm-spa-").FullName;
        File.WriteAllText(Path.Combine(root, "index.html"), IndexHtml);
        Directory.CreateDirectory(Path.Combine(root, "assets"));
        File.WriteAllText(Path.Combine(root, "assets", "index-Abc123.js"), AppScript);
        return root;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
