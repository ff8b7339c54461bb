namespace PenguinMails.Admin.Workflows;

/// <summary>Filters for listing instances. <see cref="VisibleTypes"/>, when set, limits the list to those types.</summary>
public sealed record WorkflowFilter(string? Type, WorkflowRuntimeStatus? Status, IReadOnlyCollection<string>? VisibleTypes = null);
