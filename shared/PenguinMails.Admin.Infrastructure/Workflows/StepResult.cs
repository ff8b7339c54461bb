using System.Text.Json;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>An activity's answer: its output, and the custom status to complete with when it ended the instance early.</summary>
public sealed record StepResult(JsonElement? Output, string? CompleteEarlyStatus = null);
