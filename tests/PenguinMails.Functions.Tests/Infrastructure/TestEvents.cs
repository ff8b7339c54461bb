using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Functions.Tests.Infrastructure;

/// <summary>Reads the integration events the app published to a (local, storage-queue) bus destination.</summary>
public static class TestEvents
{
    /// <summary>Every event currently on the destination's queue, without removing them.</summary>
    public static async Task<List<JsonElement>> PeekAsync(AdminAppFactory factory, string destination)
    {
        var queue = factory.Services.GetRequiredService<StorageClients>().Queue(destination);
        var events = new List<JsonElement>();
        // Peek returns at most 32 messages; receive-and-restore would reorder them, so tests keep each queue small.
        var messages = await queue.PeekMessagesAsync(32);
        foreach (var message in messages.Value)
        {
            events.Add(JsonDocument.Parse(message.Body.ToString()).RootElement);
        }
        return events;
    }

    /// <summary>The events of <paramref name="type"/> whose data has <paramref name="property"/> equal to <paramref name="value"/>.</summary>
    public static async Task<List<JsonElement>> FindAsync(AdminAppFactory factory, string destination, string type, string property, string value)
    {
        var all = await PeekAsync(factory, destination);
        return all.Where(e => e.GetProperty("type").GetString() == type && e.GetProperty("data").GetProperty(property).GetString() == value).ToList();
    }
}
