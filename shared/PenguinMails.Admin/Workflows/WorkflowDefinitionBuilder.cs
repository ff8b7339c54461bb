using System.Text.RegularExpressions;

namespace PenguinMails.Admin.Workflows;

/// <summary>
/// Builds a <see cref="WorkflowDefinition"/>. Activity steps are named after their activity type (as <c>nameof</c>
/// would), so definitions never repeat string literals; pass a name only to use one activity twice.
/// </summary>
public sealed partial class WorkflowDefinitionBuilder
{
    private readonly string _type;
    private readonly List<WorkflowStep> _steps = [];
    private string? _permission;

    internal WorkflowDefinitionBuilder(string type)
    {
        if (!TypeName().IsMatch(type))
        {
            throw new ArgumentException($"'{type}' is not a valid workflow type: use lowercase letters, digits and dashes.", nameof(type));
        }
        _type = type;
    }

    /// <summary>Only callers holding <paramref name="permission"/> see or act on instances of this type.</summary>
    public WorkflowDefinitionBuilder RequirePermission(string permission)
    {
        _permission = Security.Permissions.All.Contains(permission) ? permission
            : throw new ArgumentException($"'{permission}' is not in the permission catalog.", nameof(permission));
        return this;
    }

    public WorkflowDefinitionBuilder Activity<TActivity>(RetryPolicy? retry = null) where TActivity : IWorkflowActivity =>
        Activity<TActivity>(typeof(TActivity).Name, retry);

    public WorkflowDefinitionBuilder Activity<TActivity>(string name, RetryPolicy? retry = null) where TActivity : IWorkflowActivity =>
        Add(new ActivityStep(name, typeof(TActivity), retry ?? RetryPolicy.Default));

    public WorkflowDefinitionBuilder Timer(string name, TimeSpan delay) =>
        delay < TimeSpan.Zero ? throw new ArgumentOutOfRangeException(nameof(delay)) : Add(new TimerStep(name, delay));

    public WorkflowDefinitionBuilder WaitForEvent(string name, string eventName, TimeSpan? timeout, WaitTimeoutAction onTimeout = WaitTimeoutAction.Fail,
        string? continueAtOnEvent = null, string? continueAtOnTimeout = null)
    {
        if (!WorkflowNames.IsValidEventName(eventName))
        {
            throw new ArgumentException($"'{eventName}' is not a valid event name.", nameof(eventName));
        }
        if (timeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout));
        }
        return Add(new WaitForEventStep(name, eventName, timeout, onTimeout, continueAtOnEvent, continueAtOnTimeout));
    }

    public WorkflowDefinition Build()
    {
        if (_steps.Count == 0)
        {
            throw new InvalidOperationException($"Workflow '{_type}' has no steps.");
        }
        var names = _steps.Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        var targets = _steps.OfType<WaitForEventStep>().SelectMany(w => new[] { w.ContinueAtOnEvent, w.ContinueAtOnTimeout }).OfType<string>();
        var missing = targets.FirstOrDefault(t => !names.Contains(t));
        if (missing is not null)
        {
            throw new InvalidOperationException($"Workflow '{_type}' continues at '{missing}', which is not one of its steps.");
        }
        return new WorkflowDefinition(_type, _steps.ToList(), _permission);
    }

    private WorkflowDefinitionBuilder Add(WorkflowStep step)
    {
        if (!WorkflowNames.IsValidStepName(step.Name))
        {
            throw new ArgumentException($"'{step.Name}' is not a valid step name.");
        }
        if (_steps.Any(s => s.Name == step.Name))
        {
            throw new InvalidOperationException($"Workflow '{_type}' already has a step '{step.Name}'.");
        }
        _steps.Add(step);
        return this;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,62}$")]
    private static partial Regex TypeName();
}
