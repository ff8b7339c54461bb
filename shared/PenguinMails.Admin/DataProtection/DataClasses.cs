namespace PenguinMails.Admin.DataProtection;

/// <summary>The data classes with a retention period in the <c>data-protection</c> settings section.</summary>
public static class DataClasses
{
    public const string Sessions = "sessions";
    public const string Audit = "audit";
    public const string Reports = "reports";
    public const string WebhookPayloads = "webhookPayloads";

    public static IReadOnlyList<string> All { get; } = [Sessions, Audit, Reports, WebhookPayloads];
}
