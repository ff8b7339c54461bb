using System.Text.Json;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// The orchestration's custom status: the step running or awaited, whether it is a wait (the API shows the instance
/// as Waiting), the outputs of the steps so far, and the text shown as <c>customStatus</c> (e.g. "Rejected: …").
/// </summary>
public sealed record WorkflowProgress(string? Step, bool Waiting, IReadOnlyDictionary<string, JsonElement> Outputs, string? Status = null);
