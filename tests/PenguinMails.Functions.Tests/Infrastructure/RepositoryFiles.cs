namespace PenguinMails.Functions.Tests.Infrastructure;

/// <summary>Files of the repository the tests check the app against (the SPA's OpenAPI snapshot, its Static Web App config).</summary>
public static class RepositoryFiles
{
    /// <summary>The folder holding PenguinMails.Functions.sln, found upwards from the test binaries.</summary>
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PenguinMails.Functions.sln")))
            {
                return dir.FullName;
            }
        }
        throw new InvalidOperationException("Cannot find the repository root (PenguinMails.Functions.sln) above " + AppContext.BaseDirectory);
    }

    public static string PathOf(params string[] parts) => Path.Combine([Root(), .. parts]);
}
