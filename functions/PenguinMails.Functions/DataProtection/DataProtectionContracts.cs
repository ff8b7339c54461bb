using PenguinMails.Admin.DataProtection;

namespace PenguinMails.Functions.DataProtection;

public sealed record RetentionDaysDto(int Sessions, int Audit, int Reports, int WebhookPayloads)
{
    public static RetentionDaysDto From(RetentionDays r) => new(r.Sessions, r.Audit, r.Reports, r.WebhookPayloads);

    public RetentionDays ToDomain() => new(Sessions, Audit, Reports, WebhookPayloads);
}

/// <summary>The section in force: retention (editable) and the encryption in force (read-only, from the running configuration).</summary>
public sealed record DataProtectionSettingsResponse(string Section, int Version, RetentionDaysDto RetentionDays, EncryptionInForce Encryption,
    DateTimeOffset? UpdatedAt, string? UpdatedBy, string? Reason);

public sealed record DataProtectionVersionResponse(int Version, RetentionDaysDto RetentionDays, DateTimeOffset UpdatedAt, string UpdatedBy, string? Reason,
    int? RolledBackFrom)
{
    public static DataProtectionVersionResponse From(DataProtectionSettingsVersion v) =>
        new(v.Version, RetentionDaysDto.From(v.RetentionDays), v.UpdatedAt, v.UpdatedBy, v.Reason, v.RolledBackFrom);
}

/// <summary>Only retention can be set; sending <c>encryption</c> is an unknown property (400), since it follows from configuration.</summary>
public sealed record UpdateDataProtectionRequest(RetentionDaysDto RetentionDays, string? Reason = null);

public sealed record RollbackDataProtectionRequest(int Version, string? Reason = null);
