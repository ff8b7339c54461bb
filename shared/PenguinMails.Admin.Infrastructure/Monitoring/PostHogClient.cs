using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PenguinMails.Admin.Monitoring.Analytics;

namespace PenguinMails.Admin.Infrastructure.Monitoring;

/// <summary>PostHog's capture API: POST {host}/batch/ with the project key and the events.</summary>
public sealed class PostHogClient(HttpClient http, PostHogOptions options)
{
    public const string LibraryName = "penguinmails-admin";

    /// <summary>Sends one batch. Throws <see cref="HttpRequestException"/> with the status code when PostHog refuses it.</summary>
    public async Task SendAsync(IReadOnlyList<EngagementEvent> events, CancellationToken cancellationToken)
    {
        var batch = new JsonArray();
        foreach (var e in events)
        {
            var properties = new JsonObject { ["$lib"] = LibraryName, ["$process_person_profile"] = false };
            foreach (var (key, value) in e.Properties)
            {
                properties[key] = value;
            }
            batch.Add(new JsonObject
            {
                ["event"] = e.Name,
                ["distinct_id"] = e.DistinctId,
                ["timestamp"] = e.OccurredAt.UtcDateTime.ToString("O"),
                ["properties"] = properties,
            });
        }
        var body = new JsonObject { ["api_key"] = options.ApiKey, ["historical_migration"] = false, ["batch"] = batch };
        using var response = await http.PostAsJsonAsync(new Uri(new Uri(options.Host.TrimEnd('/') + "/"), "batch/"), body, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"PostHog answered {(int)response.StatusCode}.", null, response.StatusCode);
        }
    }

    /// <summary>Whether a failed batch could succeed later: timeouts, throttling and server errors, not a refused payload.</summary>
    public static bool IsTransient(HttpRequestException e) =>
        e.StatusCode is null or HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests || (int?)e.StatusCode >= 500;
}
