using System.Text.Json;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// The orchestration's input as the engine stores it: the caller's input with who started this execution, when, and
/// its number under the instance id. Fixed at the start, so every replay sees the same values.
/// </summary>
public sealed record WorkflowEnvelope(WorkflowStarter StartedBy, int Execution, DateTimeOffset StartedAt, JsonElement? Input);
