namespace PenguinMails.Admin.Infrastructure.Tickets;

/// <summary>
/// Plain text as an Atlassian Document Format document, which Jira REST v3 requires for descriptions and comments:
/// one paragraph per non-empty line (ADF rejects empty text nodes).
/// </summary>
internal static class AtlassianDocument
{
    public static object From(string text)
    {
        var paragraphs = text.Split('\n').Select(line => line.TrimEnd('\r')).Where(line => line.Length > 0)
            .Select(line => (object)new { type = "paragraph", content = new object[] { new { type = "text", text = line } } })
            .ToList();
        return new { type = "doc", version = 1, content = paragraphs };
    }
}
