using System.Text.Json;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// The orchestration's custom status: the step running or awaited, whether it is a wait (the API shows the instance
/// as Waiting) and the event it awaits, the outputs of the steps so far, and the final text a step ended it with
/// (e.g. "Rejected: …"), and how far the current step is when it runs in parts (e.g. a bulk run's users so far).
/// </summary>
public sealed record WorkflowProgress(string? Step, bool Waiting, IReadOnlyDictionary<string, JsonElement> Outputs, string? Status = null,
    string? Event = null, string? Detail = null)
{
    /// <summary>The <c>customStatus</c> the API shows, in the words the status has always used.</summary>
    public string? Describe(bool completed) => (completed, Step, Waiting) switch
    {
        (true, _, _) => Status ?? "Completed",
        (false, { } step, true) => $"{step}: waiting for '{Event}'",
        (false, { } step, false) => Detail is null ? step : $"{step}: {Detail}",
        _ => Status,
    };
}
