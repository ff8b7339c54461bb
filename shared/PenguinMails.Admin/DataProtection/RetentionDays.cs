using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.DataProtection;

/// <summary>How many days each data class is kept before the daily retention run removes it.</summary>
public sealed record RetentionDays(int Sessions, int Audit, int Reports, int WebhookPayloads)
{
    /// <summary>Seven years for audit events and reports (a common SOX and SOC 2 evidence horizon), 90 days for the rest.</summary>
    public static RetentionDays Default { get; } = new(90, 2555, 2555, 90);

    public const int MaxDays = 3650;

    /// <summary>Audit events must be kept at least a year, so an annual SOC 2 audit can always see its period.</summary>
    public const int MinAuditDays = 365;

    public void Validate()
    {
        new Validator()
            .When(Sessions is < 1 or > MaxDays, "retentionDays.sessions", $"sessions must be between 1 and {MaxDays} days.")
            .When(Audit is < MinAuditDays or > MaxDays, "retentionDays.audit", $"audit must be between {MinAuditDays} and {MaxDays} days.")
            .When(Reports is < 30 or > MaxDays, "retentionDays.reports", $"reports must be between 30 and {MaxDays} days.")
            .When(WebhookPayloads is < 1 or > MaxDays, "retentionDays.webhookPayloads", $"webhookPayloads must be between 1 and {MaxDays} days.")
            .ThrowIfInvalid();
    }

    public int For(string dataClass) => dataClass switch
    {
        DataClasses.Sessions => Sessions,
        DataClasses.Audit => Audit,
        DataClasses.Reports => Reports,
        DataClasses.WebhookPayloads => WebhookPayloads,
        _ => throw new ArgumentOutOfRangeException(nameof(dataClass), dataClass, "Unknown data class."),
    };
}
