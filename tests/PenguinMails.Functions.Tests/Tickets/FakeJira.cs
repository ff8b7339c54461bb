using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PenguinMails.Functions.Tests.Tickets;

/// <summary>
/// A fake of the Jira Cloud REST v3 endpoints the adapter uses, served over real HTTP on 127.0.0.1. It checks basic
/// auth and the shape of what it receives (an ADF document, the project, labels) and keeps what it was sent.
/// </summary>
public sealed partial class FakeJira : IAsyncDisposable
{
    public const string Email = "bot@penguinmails.test";
    public const string Token = "jira-api-token-for-tests";
    private readonly WebApplication _app;
    private int _next;

    private FakeJira(WebApplication app) => _app = app;

    public string BaseUrl { get; private set; } = "";
    public ConcurrentDictionary<string, JsonObject> Issues { get; } = new();
    public ConcurrentQueue<(string Key, JsonNode Body)> Comments { get; } = new();
    public ConcurrentQueue<(string Key, string TransitionId)> Transitions { get; } = new();

    /// <summary>When set, issue creation answers this status code.</summary>
    public int? FailCreateWith { get; set; }

    public static async Task<FakeJira> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var jira = new FakeJira(app);
        app.Use(async (context, next) =>
        {
            var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{Email}:{Token}"));
            if (context.Request.Headers.Authorization.ToString() != expected)
            {
                context.Response.StatusCode = 401;
                return;
            }
            await next(context);
        });
        app.MapPost("/rest/api/3/search/jql", jira.Search);
        app.MapPost("/rest/api/3/issue", jira.CreateIssue);
        app.MapPost("/rest/api/3/issue/{key}/comment", jira.AddComment);
        app.MapGet("/rest/api/3/issue/{key}/transitions", ListTransitions);
        app.MapPost("/rest/api/3/issue/{key}/transitions", jira.Transition);
        await app.StartAsync();
        jira.BaseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return jira;
    }

    /// <summary>An issue that exists in Jira already, as if created just before a crash.</summary>
    public string Seed(string label)
    {
        var key = "SEC-" + Interlocked.Increment(ref _next);
        Issues[key] = new JsonObject { ["key"] = key, ["labels"] = new JsonArray(label) };
        return key;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private async Task<IResult> Search(HttpRequest request)
    {
        var body = (await JsonNode.ParseAsync(request.Body))!;
        var label = LabelClause().Match(body["jql"]!.GetValue<string>()).Groups[1].Value;
        var issues = Issues.Values.Where(i => i["labels"]!.AsArray().Any(l => l!.GetValue<string>() == label))
            .Select(i => new { id = "1", key = i["key"]!.GetValue<string>() }).Take(body["maxResults"]?.GetValue<int>() ?? 50);
        return Results.Json(new { issues, isLast = true });
    }

    private async Task<IResult> CreateIssue(HttpRequest request)
    {
        if (FailCreateWith is { } status)
        {
            return Results.Json(new { errorMessages = new[] { "Jira is having a bad day." } }, statusCode: status);
        }
        var fields = (await JsonNode.ParseAsync(request.Body))!["fields"]!;
        var description = fields["description"]!;
        if (fields["project"]?["key"]?.GetValue<string>() != "SEC" || fields["summary"] is null || fields["issuetype"]?["name"] is null
            || description["type"]?.GetValue<string>() != "doc" || description["version"]?.GetValue<int>() != 1)
        {
            return Results.Json(new { errorMessages = new[] { "Invalid issue." } }, statusCode: 400);
        }
        var key = "SEC-" + Interlocked.Increment(ref _next);
        Issues[key] = new JsonObject { ["key"] = key, ["labels"] = fields["labels"]!.DeepClone(), ["fields"] = fields.DeepClone() };
        return Results.Json(new { id = "100" + _next, key, self = $"{BaseUrl}/rest/api/3/issue/{key}" }, statusCode: 201);
    }

    private async Task<IResult> AddComment(string key, HttpRequest request)
    {
        if (!Issues.ContainsKey(key))
        {
            return Results.NotFound();
        }
        Comments.Enqueue((key, (await JsonNode.ParseAsync(request.Body))!["body"]!));
        return Results.Json(new { id = "200" }, statusCode: 201);
    }

    private static IResult ListTransitions(string key) => Results.Json(new
    {
        transitions = new[]
        {
            new { id = "11", name = "Reopen", to = new { name = "To Do", statusCategory = new { key = "new" } } },
            new { id = "21", name = "Start", to = new { name = "In Progress", statusCategory = new { key = "indeterminate" } } },
            new { id = "31", name = "Done", to = new { name = "Done", statusCategory = new { key = "done" } } },
        },
    });

    private async Task<IResult> Transition(string key, HttpRequest request)
    {
        Transitions.Enqueue((key, (await JsonNode.ParseAsync(request.Body))!["transition"]!["id"]!.GetValue<string>()));
        return Results.NoContent();
    }

    [GeneratedRegex("labels = \"([^\"]+)\"")]
    private static partial Regex LabelClause();
}
