using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Settings;

/// <summary>The <c>monitoring</c> section: when the platform raises alerts, and who gets them.</summary>
public sealed record MonitoringSettings(decimal ErrorRatePercent, int QueueBacklog, int P95LatencyMs, int FailedJobsPerHour, IReadOnlyList<string> AlertEmails)
    : ISettingsValues
{
    public static MonitoringSettings Default { get; } = new(5m, 1000, 2000, 10, []);

    public void Validate(Validator validator)
    {
        validator.When(ErrorRatePercent is <= 0 or > 100, "values.errorRatePercent", "Must be above 0 and at most 100.")
            .When(QueueBacklog < 1, "values.queueBacklog", "Must be at least 1.")
            .When(P95LatencyMs is < 1 or > 600_000, "values.p95LatencyMs", "Must be between 1 and 600,000.")
            .When(FailedJobsPerHour < 1, "values.failedJobsPerHour", "Must be at least 1.")
            .When(AlertEmails.Count > 50, "values.alertEmails", "At most 50 addresses.");
        for (var i = 0; i < AlertEmails.Count; i++)
        {
            validator.When(!Validator.IsEmail(AlertEmails[i]), $"values.alertEmails[{i}]", "Must be an email address.");
        }
    }
}
