using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Tickets;

namespace PenguinMails.Admin.Infrastructure.Tickets;

/// <summary>
/// Jira Cloud over REST v3. Each issue carries a label derived from the ticket's idempotency key; creation first
/// searches for that label, so a repeated create finds the issue instead of opening a second one.
/// </summary>
public sealed partial class JiraTicketSystem(HttpClient http, JiraOptions options, ILogger<JiraTicketSystem> logger) : IExternalTicketSystem
{
    public string Name => "Jira";

    public async Task<ExternalTicketReference> CreateAsync(Ticket ticket, CancellationToken cancellationToken = default)
    {
        var label = IdempotencyLabel(ticket.IdempotencyKey);
        var search = new { jql = $"project = \"{options.ProjectKey}\" AND labels = \"{label}\"", fields = new[] { "summary" }, maxResults = 1 };
        var found = await SendAsync(HttpMethod.Post, "rest/api/3/search/jql", search, cancellationToken);
        if (found.GetProperty("issues").EnumerateArray().Select(i => i.GetProperty("key").GetString()).FirstOrDefault() is { } existing)
        {
            return Reference(existing);
        }
        var issue = new
        {
            fields = new
            {
                project = new { key = options.ProjectKey },
                issuetype = new { name = options.IssueType },
                summary = ticket.Subject,
                labels = new[] { "penguinmails", "queue-" + ticket.Queue, "priority-" + ticket.Priority.ToString().ToLowerInvariant(), label },
                description = AtlassianDocument.From(Describe(ticket)),
            },
        };
        var created = await SendAsync(HttpMethod.Post, "rest/api/3/issue", issue, cancellationToken);
        return Reference(created.GetProperty("key").GetString()!);
    }

    public Task AddCommentAsync(string key, string author, string text, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, $"rest/api/3/issue/{Uri.EscapeDataString(key)}/comment",
            new { body = AtlassianDocument.From($"{author}:\n{text}") }, cancellationToken);

    public async Task TransitionAsync(string key, TicketStatus status, CancellationToken cancellationToken = default)
    {
        var path = $"rest/api/3/issue/{Uri.EscapeDataString(key)}/transitions";
        var available = await SendAsync(HttpMethod.Get, path, null, cancellationToken);
        var category = status switch
        {
            TicketStatus.Open => "new",
            TicketStatus.InProgress or TicketStatus.Waiting => "indeterminate",
            _ => "done",
        };
        var transition = available.GetProperty("transitions").EnumerateArray()
            .FirstOrDefault(t => t.GetProperty("to").GetProperty("statusCategory").GetProperty("key").GetString() == category);
        if (transition.ValueKind != JsonValueKind.Object)
        {
            LogNoTransition(key, category);
            return; // the issue's Jira workflow has no such move from here; our ticket still records the status
        }
        await SendAsync(HttpMethod.Post, path, new { transition = new { id = transition.GetProperty("id").GetString() } }, cancellationToken);
    }

    /// <summary>A Jira label (no spaces, at most 255 characters) that names one idempotency key.</summary>
    public static string IdempotencyLabel(string idempotencyKey) =>
        "pm-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey)))[..32];

    private ExternalTicketReference Reference(string key) => new(key, new Uri(options.BaseUri, "browse/" + Uri.EscapeDataString(key)).ToString());

    private static string Describe(Ticket t)
    {
        var lines = new List<string?> { t.Description, "", $"PenguinMails ticket {t.Id} ({t.Type}, queue {t.Queue}, priority {t.Priority})." };
        lines.Add(t.TenantId is null ? null : $"Tenant: {t.TenantId}");
        lines.Add(t.InvoiceId is null ? null : $"Invoice: {t.InvoiceId}");
        lines.Add(t.WorkflowId is null ? null : $"Workflow: {t.WorkflowId}");
        return string.Join('\n', lines.OfType<string>());
    }

    private async Task<JsonElement> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(options.BaseUri, path)) { Content = body is null ? null : JsonContent.Create(body) };
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw AdminException.Unavailable("ticket_system_unavailable", $"Jira could not be reached: {e.Message}");
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                LogRejected((int)response.StatusCode, method.Method, path, text.Length > 500 ? text[..500] : text);
                throw AdminException.Unavailable("ticket_system_unavailable", $"Jira answered {(int)response.StatusCode} to {method.Method} {path}.");
            }
            return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Jira answered {Status} to {Method} {Path}: {Body}")]
    private partial void LogRejected(int status, string method, string path, string body);

    [LoggerMessage(Level = LogLevel.Information, Message = "Jira issue {Key} has no transition to a '{Category}' status")]
    private partial void LogNoTransition(string key, string category);
}
