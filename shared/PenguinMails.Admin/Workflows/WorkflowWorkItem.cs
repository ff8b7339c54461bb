namespace PenguinMails.Admin.Workflows;

/// <summary>
/// A message on the work queue: "look at instance <see cref="InstanceId"/>, which should be at
/// <see cref="Sequence"/> and due at <see cref="NotBefore"/>". Duplicates and stale items are harmless.
/// </summary>
public sealed record WorkflowWorkItem(string InstanceId, long Sequence, DateTimeOffset NotBefore);
