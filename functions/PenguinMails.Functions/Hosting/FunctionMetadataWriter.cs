using System.Text.Json;

namespace PenguinMails.Functions.Hosting;

/// <summary>Writes &lt;dir&gt;/&lt;FunctionName&gt;/function.json for every function, and host.json, for deployment.</summary>
public static class FunctionMetadataWriter
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static int Write(IReadOnlyList<FunctionDefinition> functions, string directory, string hostJsonPath)
    {
        Directory.CreateDirectory(directory);
        foreach (var function in functions)
        {
            var folder = Path.Combine(directory, function.Name);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "function.json"), function.ToFunctionJson().ToJsonString(Indented));
        }
        var target = Path.Combine(directory, "host.json");
        // Publishing emits into the handler's own folder, where host.json already is: copying a file onto itself fails.
        if (Path.GetFullPath(hostJsonPath) != Path.GetFullPath(target))
        {
            File.Copy(hostJsonPath, target, overwrite: true);
        }
        return functions.Count;
    }
}
