using System.Text.RegularExpressions;

namespace PenguinMails.Functions.Monitoring;

/// <summary>
/// How monitoring runs (<c>Monitoring__*</c>; the alert thresholds live in the same section). Also names this
/// process: <see cref="Machine"/> is stable across restarts, <see cref="InstanceId"/> is new each start, so every
/// process writes its own per-minute rows and a restart never overwrites what it wrote before.
/// </summary>
public sealed partial class MonitoringOptions
{
    public double FlushIntervalSeconds { get; set; } = 15;

    /// <summary>Record per-function request metrics on the request path (a kill switch; on by default).</summary>
    public bool RecordRequests { get; set; } = true;

    public double HealthTimeoutSeconds { get; set; } = 5;

    /// <summary>A component answering slower than this is reported degraded.</summary>
    public double HealthDegradedLatencyMs { get; set; } = 1000;

    /// <summary>Per-minute and per-hour rows are deleted after this many days.</summary>
    public int RetentionDays { get; set; } = 3;

    public string Machine { get; } = Clean(Environment.GetEnvironmentVariable("WEBSITE_INSTANCE_ID") is { Length: > 0 } id ? id[..Math.Min(16, id.Length)] : Environment.MachineName);

    public string InstanceId { get; } = "";

    public MonitoringOptions() => InstanceId = Machine + "-" + Guid.NewGuid().ToString("N")[..8];

    public static MonitoringOptions From(IConfiguration configuration) =>
        configuration.GetSection("Monitoring").Get<MonitoringOptions>() ?? new MonitoringOptions();

    private static string Clean(string name)
    {
        var clean = NotKeySafe().Replace(name, "-");
        return clean.Length == 0 ? "instance" : clean[..Math.Min(40, clean.Length)];
    }

    [GeneratedRegex("[^A-Za-z0-9-]")]
    private static partial Regex NotKeySafe();
}
