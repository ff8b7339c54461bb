using System.Text.Json;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>The queue that retries index writes for audit events: one message per event.</summary>
public static class AuditIndexQueue
{
    public const string Name = "audit-index";

    public sealed record Message(string Partition, long Sequence);

    public static string Serialize(string partition, long sequence) => JsonSerializer.Serialize(new Message(partition, sequence), JsonSerializerOptions.Web);

    public static Message Parse(string payload) =>
        JsonSerializer.Deserialize<Message>(payload, JsonSerializerOptions.Web) ?? throw new FormatException("Empty audit index message.");
}
