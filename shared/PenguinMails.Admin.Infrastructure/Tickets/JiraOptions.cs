using System.Text.RegularExpressions;

namespace PenguinMails.Admin.Infrastructure.Tickets;

/// <summary>
/// Jira Cloud settings (<c>Jira__BaseUrl</c>, <c>Jira__Email</c>, <c>Jira__ApiToken</c>, <c>Jira__ProjectKey</c>,
/// <c>Jira__IssueType</c>), used when <c>Tickets__Kind=Jira</c>. The token is sent with basic auth and never logged.
/// </summary>
public sealed partial class JiraOptions
{
    public string? BaseUrl { get; set; }
    public string? Email { get; set; }
    public string? ApiToken { get; set; }
    public string? ProjectKey { get; set; }
    public string IssueType { get; set; } = "Task";

    public Uri BaseUri => new(BaseUrl!.TrimEnd('/') + "/");

    public void Validate()
    {
        var missing = new[] { (nameof(BaseUrl), BaseUrl), (nameof(Email), Email), (nameof(ApiToken), ApiToken), (nameof(ProjectKey), ProjectKey) }
            .Where(s => string.IsNullOrWhiteSpace(s.Item2)).Select(s => "Jira__" + s.Item1).ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException($"Tickets__Kind is Jira, but {string.Join(", ", missing)} is not set.");
        }
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && !uri.IsLoopback))
        {
            throw new InvalidOperationException("Jira__BaseUrl must be an https URL, e.g. https://your-site.atlassian.net.");
        }
        if (!ProjectKeyPattern().IsMatch(ProjectKey!))
        {
            throw new InvalidOperationException("Jira__ProjectKey must be a Jira project key, e.g. OPS.");
        }
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]{1,9}$")]
    private static partial Regex ProjectKeyPattern();
}
