using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Settings;

/// <summary>
/// The <c>monitoring</c> section: when the platform raises alerts, and who gets them. The first four thresholds are
/// required; the others are optional, and null (or absent) means "as configured" (<c>Monitoring__*</c>), so versions
/// saved before they existed still read the same.
/// </summary>
public sealed record MonitoringSettings(
    decimal ErrorRatePercent,
    int QueueBacklog,
    int P95LatencyMs,
    int FailedJobsPerHour,
    IReadOnlyList<string> AlertEmails,
    int? PoisonMessages = null,
    int? OldestMessageAgeSeconds = null,
    int? FailedWorkflowsPerHour = null,
    int? MinimumRequests = null,
    int? RenotifyAfterMinutes = null)
    : ISettingsValues
{
    public const int MaxMessageAgeSeconds = 7 * 24 * 3600;
    public const int MaxRenotifyMinutes = 7 * 24 * 60;

    public static MonitoringSettings Default { get; } = new(5m, 1000, 2000, 10, []);

    public void Validate(Validator validator)
    {
        validator.When(ErrorRatePercent is <= 0 or > 100, "values.errorRatePercent", "Must be above 0 and at most 100.")
            .When(QueueBacklog < 1, "values.queueBacklog", "Must be at least 1.")
            .When(P95LatencyMs is < 1 or > 600_000, "values.p95LatencyMs", "Must be between 1 and 600,000.")
            .When(FailedJobsPerHour < 1, "values.failedJobsPerHour", "Must be at least 1.")
            .When(AlertEmails.Count > 50, "values.alertEmails", "At most 50 addresses.")
            .When(PoisonMessages < 1, "values.poisonMessages", "Must be at least 1, or null for the configured value.")
            .When(OldestMessageAgeSeconds is < 1 or > MaxMessageAgeSeconds, "values.oldestMessageAgeSeconds",
                "Must be between 1 and 604,800 (7 days), or null for the configured value.")
            .When(FailedWorkflowsPerHour < 1, "values.failedWorkflowsPerHour", "Must be at least 1, or null for the configured value.")
            .When(MinimumRequests < 1, "values.minimumRequests", "Must be at least 1, or null for the configured value.")
            .When(RenotifyAfterMinutes is < 1 or > MaxRenotifyMinutes, "values.renotifyAfterMinutes",
                "Must be between 1 and 10,080 (7 days), or null for the configured value.");
        for (var i = 0; i < AlertEmails.Count; i++)
        {
            validator.When(!Validator.IsEmail(AlertEmails[i]), $"values.alertEmails[{i}]", "Must be an email address.");
        }
    }
}
