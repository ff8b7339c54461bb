namespace PenguinMails.Admin.Workflows;

/// <summary>
/// A workflow type: an ordered list of steps that the engine runs one at a time. Build one with
/// <see cref="Create"/>; a feature registers it together with its activities.
/// </summary>
public sealed class WorkflowDefinition
{
    internal WorkflowDefinition(string type, IReadOnlyList<WorkflowStep> steps, string? permission)
    {
        Type = type;
        Steps = steps;
        Permission = permission;
    }

    /// <summary>The type name shown by the API and used to filter, e.g. <c>offboarding</c>.</summary>
    public string Type { get; }

    public IReadOnlyList<WorkflowStep> Steps { get; }

    /// <summary>
    /// The permission a caller needs, besides workflows.read or workflows.manage, to see or act on instances of this
    /// type (an offboarding is staff business, a refund finance business). Null: the workflow permissions suffice.
    /// </summary>
    public string? Permission { get; }

    public static WorkflowDefinitionBuilder Create(string type) => new(type);

    /// <summary>The index of the step called <paramref name="stepName"/>.</summary>
    public int IndexOf(string stepName)
    {
        for (var i = 0; i < Steps.Count; i++)
        {
            if (Steps[i].Name == stepName)
            {
                return i;
            }
        }
        throw new InvalidOperationException($"Workflow '{Type}' has no step '{stepName}'.");
    }

    /// <summary>Every activity type the steps use; the host registers these.</summary>
    public IEnumerable<Type> ActivityTypes => Steps.OfType<ActivityStep>().Select(s => s.ActivityType).Distinct();
}
