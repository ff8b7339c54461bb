namespace PenguinMails.Admin.Monitoring;

/// <summary>The app's functions, from its function registry: what the job and metrics reports list.</summary>
public interface IMonitoredFunctions
{
    IReadOnlyList<MonitoredFunction> All();
}
