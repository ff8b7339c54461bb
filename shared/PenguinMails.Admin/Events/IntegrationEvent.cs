using System.Text.Json;

namespace PenguinMails.Admin.Events;

/// <summary>An event other PenguinMails services consume, e.g. <c>UserBanned</c> or <c>TenantStatusChanged</c>.</summary>
public sealed record IntegrationEvent(string Id, string Type, DateTimeOffset OccurredAt, JsonElement Data, string? CorrelationId = null)
{
    public static IntegrationEvent Create<T>(string type, T data, DateTimeOffset occurredAt, string? correlationId = null) =>
        new(Guid.NewGuid().ToString("N"), type, occurredAt, JsonSerializer.SerializeToElement(data, JsonSerializerOptions.Web), correlationId);
}
