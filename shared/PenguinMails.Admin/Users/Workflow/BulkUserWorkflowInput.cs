namespace PenguinMails.Admin.Users.Workflow;

/// <summary>
/// The input of a <c>users-bulk</c> instance: the command without its ids (they are in the operation's plan, so the
/// instance's history stays small), how many batches the plan has and how many distinct users.
/// </summary>
public sealed record BulkUserWorkflowInput(BulkUserCommand Command, int Batches, int Total);
