using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Http;

/// <summary>
/// The SPA's types are generated from web/openapi.json, so that file must be exactly what the app serves.
/// When the API changes on purpose, refresh it: <c>PENGUINMAILS_UPDATE_OPENAPI=1 dotnet test --filter OpenApiSnapshot</c>,
/// then <c>npm run build</c> in web/ shows where the SPA no longer fits.
/// </summary>
public sealed class OpenApiSnapshotTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    public const string UpdateVariable = "PENGUINMAILS_UPDATE_OPENAPI";

    private static readonly JsonSerializerOptions Written = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task ServedDocument_MatchesTheSpasSnapshot()
    {
        var served = Snapshot.Prepare(JsonNode.Parse(await factory.CreateClient().GetStringAsync("/api/openapi.json"))!);
        var path = RepositoryFiles.PathOf("web", "openapi.json");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, served.ToJsonString(Written) + "\n");
            return;
        }
        Assert.True(File.Exists(path), $"{path} is missing. Create it with {UpdateVariable}=1 dotnet test --filter OpenApiSnapshot.");
        var committed = Snapshot.Prepare(JsonNode.Parse(await File.ReadAllTextAsync(path))!);
        var difference = Snapshot.FirstDifference(Snapshot.Normalize(committed), Snapshot.Normalize(served), "$");
        Assert.True(difference is null,
            $"web/openapi.json differs from the served /api/openapi.json at {difference}. If the API change is intended, run " +
            $"`{UpdateVariable}=1 dotnet test --filter OpenApiSnapshot`, then `npm run build` in web/ and fix what no longer type-checks.");
    }

    /// <summary>Comparison that ignores what depends on the serving host (servers) and property order.</summary>
    private static class Snapshot
    {
        public static JsonNode Prepare(JsonNode document)
        {
            document.AsObject().Remove("servers");
            return document;
        }

        public static JsonNode? Normalize(JsonNode? node) => node switch
        {
            JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Normalize(p.Value)))),
            JsonArray a => new JsonArray(a.Select(Normalize).ToArray()),
            _ => node?.DeepClone(),
        };

        public static string? FirstDifference(JsonNode? expected, JsonNode? actual, string path)
        {
            if (expected is JsonObject e && actual is JsonObject a)
            {
                foreach (var key in e.Select(p => p.Key).Union(a.Select(p => p.Key)))
                {
                    if (!e.ContainsKey(key) || !a.ContainsKey(key))
                    {
                        return $"{path}.{key} ({(e.ContainsKey(key) ? "no longer served" : "new in the served document")})";
                    }
                    if (FirstDifference(e[key], a[key], $"{path}.{key}") is { } inner)
                    {
                        return inner;
                    }
                }
                return null;
            }
            if (expected is JsonArray ea && actual is JsonArray aa && ea.Count == aa.Count)
            {
                return ea.Select((item, i) => FirstDifference(item, aa[i], $"{path}[{i}]")).FirstOrDefault(d => d is not null);
            }
            return JsonNode.DeepEquals(expected, actual) ? null : path;
        }
    }
}
