namespace PenguinMails.Admin.Monitoring;

/// <summary>A function the monitoring reports cover. Kind is <c>http</c>, <c>timer</c>, <c>queue</c>, <c>service-bus</c> or <c>workflow</c>.</summary>
public sealed record MonitoredFunction(string Name, string Kind)
{
    public const string Http = "http";
    public const string Workflow = "workflow";
}
