namespace PenguinMails.Admin.Workflows;

/// <summary>Every workflow definition the app knows, by type.</summary>
public sealed class WorkflowRegistry
{
    private readonly Dictionary<string, WorkflowDefinition> _definitions = new(StringComparer.Ordinal);

    public WorkflowRegistry(IEnumerable<WorkflowDefinition> definitions)
    {
        foreach (var definition in definitions)
        {
            if (!_definitions.TryAdd(definition.Type, definition) && !ReferenceEquals(_definitions[definition.Type], definition))
            {
                throw new InvalidOperationException($"Workflow type '{definition.Type}' is registered twice.");
            }
        }
    }

    public IReadOnlyCollection<string> Types => _definitions.Keys;

    public WorkflowDefinition? Find(string type) => _definitions.GetValueOrDefault(type);

    public WorkflowDefinition Get(string type) =>
        Find(type) ?? throw new InvalidOperationException($"Workflow type '{type}' is not registered.");
}
