namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>An orchestrator class registered under its workflow type (see <c>AddOrchestrator</c>).</summary>
public sealed record OrchestratorRegistration(string Name, Type OrchestratorType);
