using System.Text.RegularExpressions;

namespace PenguinMails.Admin.Workflows;

/// <summary>What instance ids, step names and event names may look like (they end up in table keys and URLs).</summary>
public static partial class WorkflowNames
{
    public static bool IsValidInstanceId(string? id) => id is not null && InstanceId().IsMatch(id);

    public static bool IsValidEventName(string? name) => name is not null && EventName().IsMatch(name);

    public static bool IsValidStepName(string? name) => name is not null && EventName().IsMatch(name);

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$")]
    private static partial Regex InstanceId();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_.-]{0,63}$")]
    private static partial Regex EventName();
}
