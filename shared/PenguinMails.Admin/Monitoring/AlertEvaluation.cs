namespace PenguinMails.Admin.Monitoring;

/// <summary>One run of the alert timer: how many conditions hold, which alerts were raised, which conditions cleared.</summary>
public sealed record AlertEvaluation(int ConditionsHolding, IReadOnlyList<MonitoringAlert> Raised, IReadOnlyList<string> Cleared);
