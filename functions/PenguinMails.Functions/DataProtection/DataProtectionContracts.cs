using PenguinMails.Admin.DataProtection;

namespace PenguinMails.Functions.DataProtection;

public sealed record RetentionDaysDto(int Sessions, int Audit, int Reports, int WebhookPayloads)
{
    public static RetentionDaysDto From(RetentionDays r) => new(r.Sessions, r.Audit, r.Reports, r.WebhookPayloads);

    public RetentionDays ToDomain() => new(Sessions, Audit, Reports, WebhookPayloads);
}

/// <summary>The section's editable values, in the <c>values</c> envelope every settings section uses.</summary>
public sealed record DataProtectionValues(RetentionDaysDto RetentionDays)
{
    public static DataProtectionValues From(DataProtectionSettingsVersion v) => new(RetentionDaysDto.From(v.RetentionDays));
}

/// <summary>
/// The section in the shape of every settings section (section, version, values, updatedAt, updatedBy), plus the
/// encryption in force, which is read-only because it follows from the running configuration.
/// </summary>
public sealed record DataProtectionSettingsResponse(string Section, int Version, DataProtectionValues Values, EncryptionInForce Encryption,
    DateTimeOffset? UpdatedAt, string? UpdatedBy, string? Reason);

public sealed record DataProtectionVersionResponse(int Version, DataProtectionValues Values, DateTimeOffset UpdatedAt, string UpdatedBy, string? Reason,
    int? RolledBackFrom)
{
    public static DataProtectionVersionResponse From(DataProtectionSettingsVersion v) =>
        new(v.Version, DataProtectionValues.From(v), v.UpdatedAt, v.UpdatedBy, v.Reason, v.RolledBackFrom);
}

/// <summary>Only retention can be set; an <c>encryption</c> value is an unknown property (400).</summary>
public sealed record UpdateDataProtectionRequest(DataProtectionValues Values, string? Reason = null);

public sealed record RollbackDataProtectionRequest(int Version, string? Reason = null);
