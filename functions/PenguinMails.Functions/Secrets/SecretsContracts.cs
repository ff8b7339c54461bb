using PenguinMails.Admin.Secrets;

namespace PenguinMails.Functions.Secrets;

/// <summary>A secret's metadata on the wire. There is deliberately no value field.</summary>
public sealed record SecretResponse(string Name, string Version, bool Enabled, string? ContentType, IReadOnlyDictionary<string, string> Tags,
    string Classification, DateTimeOffset? ExpiresOn, string ExpiryStatus, DateTimeOffset CreatedOn, DateTimeOffset UpdatedOn)
{
    public static SecretResponse From(SecretProperties p, DateTimeOffset now) => new(p.Name, p.Version, p.Enabled, p.ContentType, p.Tags,
        p.Classification, p.ExpiresOn, ExpiryStatusOf(p.ExpiresOn, now), p.CreatedOn, p.UpdatedOn);

    /// <summary><c>none</c>, <c>ok</c>, <c>expiring</c> (within 30 days) or <c>expired</c>.</summary>
    public static string ExpiryStatusOf(DateTimeOffset? expiresOn, DateTimeOffset now) => expiresOn switch
    {
        null => "none",
        { } e when e <= now => "expired",
        { } e when e <= now + SecretExpiryScanner.Horizon => "expiring",
        _ => "ok",
    };
}

public sealed record DeletedSecretResponse(string Name, string Version, string Classification, DateTimeOffset DeletedOn, DateTimeOffset? ScheduledPurgeDate)
{
    public static DeletedSecretResponse From(DeletedSecret d) =>
        new(d.Properties.Name, d.Properties.Version, d.Properties.Classification, d.DeletedOn, d.ScheduledPurgeDate);
}

public sealed record CreateSecretRequest(string Name, string Value, string? ContentType = null, IReadOnlyDictionary<string, string>? Tags = null,
    DateTimeOffset? ExpiresOn = null, string? Reason = null)
{
    public override string ToString() => $"CreateSecretRequest {{ Name = {Name} }}";
}

public sealed record RotateSecretRequest(string Value, DateTimeOffset? ExpiresOn = null, string? Reason = null)
{
    public override string ToString() => "RotateSecretRequest";
}

/// <summary>Metadata changes; the value can't be set here (an unknown property is a 400), only by rotation.</summary>
public sealed record UpdateSecretRequest(bool? Enabled = null, string? ContentType = null, IReadOnlyDictionary<string, string>? Tags = null,
    DateTimeOffset? ExpiresOn = null, string? Reason = null);

public sealed record RevealSecretRequest(string? Reason = null, string? Version = null);

public sealed record RevealedSecretResponse(string Name, string Version, string Value)
{
    public override string ToString() => $"RevealedSecretResponse {{ Name = {Name}, Version = {Version} }}";
}

/// <summary>An optional body with an optional reason (delete, recover).</summary>
public sealed record ReasonBody(string? Reason = null);
