using System.Text.Json;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>The queue that asks for a digest when a segment closes (a lane moved to a new hour).</summary>
public static class AuditDigestQueue
{
    public const string Name = "audit-digest";

    public sealed record Message(string ClosedSegment);

    public static Message Parse(string payload) =>
        JsonSerializer.Deserialize<Message>(payload, JsonSerializerOptions.Web) ?? throw new FormatException("Empty audit digest message.");

    /// <summary>Best effort: if the message can't be sent, the hourly digest covers the closed segment instead.</summary>
    internal static async Task NotifySegmentClosedAsync(StorageClients storage, string segment)
    {
        try
        {
            await storage.Queue(Name).SendMessageAsync(JsonSerializer.Serialize(new Message(segment), JsonSerializerOptions.Web), CancellationToken.None);
        }
        catch (Azure.RequestFailedException)
        {
            // The hourly digest runs regardless and lists every segment closed since the previous digest.
        }
    }
}
