namespace PenguinMails.Admin.Monitoring;

/// <summary>What GET /monitoring/metrics reports for one HTTP function (endpoint name).</summary>
public sealed record EndpointMetrics(string Function, RequestWindow Last5Minutes, RequestWindow LastHour);
