using System.Text.Json;

namespace PenguinMails.Functions.Hosting;

/// <summary>
/// Standalone, loads the <c>Values</c> of local.settings.json like Core Tools would. The values are inserted
/// before the environment variables, so an environment variable of the same name wins.
/// </summary>
public static class LocalSettingsSource
{
    public static void AddLocalSettings(this ConfigurationManager configuration, string path)
    {
        if (!File.Exists(path))
        {
            return;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        if (!document.RootElement.TryGetProperty("Values", out var values) || values.ValueKind != JsonValueKind.Object)
        {
            return;
        }
        var settings = values.EnumerateObject().ToDictionary(
            p => p.Name.Replace("__", ":", StringComparison.Ordinal),
            p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText());
        var firstEnvironmentSource = configuration.Sources.ToList().FindIndex(s => s is Microsoft.Extensions.Configuration.EnvironmentVariables.EnvironmentVariablesConfigurationSource);
        var source = new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = settings };
        if (firstEnvironmentSource < 0)
        {
            configuration.Sources.Add(source);
        }
        else
        {
            configuration.Sources.Insert(firstEnvironmentSource, source);
        }
    }
}
