namespace PenguinMails.Admin.DataProtection;

/// <summary>One version of the <c>data-protection</c> settings section: what it said, who set it, when and why.</summary>
public sealed record DataProtectionSettingsVersion(int Version, RetentionDays RetentionDays, DateTimeOffset UpdatedAt, string UpdatedBy,
    string? Reason, int? RolledBackFrom = null);
