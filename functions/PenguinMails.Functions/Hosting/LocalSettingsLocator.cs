namespace PenguinMails.Functions.Hosting;

/// <summary>
/// Finds local.settings.json standalone. `./dev.sh` runs the app from the repository root, while `dotnet run --project
/// functions/PenguinMails.Functions` runs it from the project folder; both mean the repository root's file. So: the
/// working directory's file, else the content root's, else (from the project folder) the repository root's.
/// </summary>
public static class LocalSettingsLocator
{
    public const string FileName = "local.settings.json";
    private const string SolutionFile = "PenguinMails.Functions.sln";
    private const string ProjectFile = "PenguinMails.Functions.csproj";

    public static string? Find(string workingDirectory, string contentRoot)
    {
        foreach (var directory in new[] { workingDirectory, contentRoot }.Distinct())
        {
            var here = Path.Combine(directory, FileName);
            if (File.Exists(here))
            {
                return here;
            }
        }
        // Only from the function project's own folder, so a test run elsewhere in the tree never picks up a developer's settings.
        foreach (var directory in new[] { workingDirectory, contentRoot }.Where(d => File.Exists(Path.Combine(d, ProjectFile))))
        {
            var root = RepositoryRoot(directory);
            if (root is not null && File.Exists(Path.Combine(root, FileName)))
            {
                return Path.Combine(root, FileName);
            }
        }
        return null;
    }

    private static string? RepositoryRoot(string start)
    {
        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }
        return null;
    }
}
