namespace PenguinMails.Admin.Workflows;

/// <summary>
/// What the core knows of a workflow type: its name, the permission that guards its instances, and its steps in
/// order (activities and waits, by name), which the status API publishes. The orchestration itself lives with the
/// engine, in the infrastructure project.
/// </summary>
public sealed class WorkflowDefinition(string type, IReadOnlyList<string> steps, string? permission = null)
{
    /// <summary>The type name shown by the API and used to filter, e.g. <c>offboarding</c>.</summary>
    public string Type { get; } = type;

    public IReadOnlyList<string> Steps { get; } = steps;

    /// <summary>
    /// The permission a caller needs, besides workflows.read or workflows.manage, to see or act on instances of this
    /// type (an offboarding is staff business, a refund finance business). Null: the workflow permissions suffice.
    /// </summary>
    public string? Permission { get; } = permission;
}
