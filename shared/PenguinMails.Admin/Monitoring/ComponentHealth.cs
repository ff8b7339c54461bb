namespace PenguinMails.Admin.Monitoring;

/// <summary>Component health, ordered from best to worst.</summary>
public enum ComponentStatus
{
    Healthy,
    Degraded,
    Unhealthy,
}

/// <summary>One dependency's health: a short reason that never carries secrets or exception internals.</summary>
public sealed record ComponentHealth(string Name, ComponentStatus Status, double LatencyMs, string Reason);
