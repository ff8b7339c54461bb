using System.Text.Json;

namespace PenguinMails.Admin.Workflows;

/// <summary>An external event raised on an instance and not yet consumed by a wait step (events may arrive early).</summary>
public sealed record RaisedEvent(string Name, JsonElement? Payload, DateTimeOffset RaisedAt);
