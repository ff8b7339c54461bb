namespace PenguinMails.Admin.Infrastructure.Staff;

/// <summary>The <c>Auth__Oidc__*</c> settings.</summary>
public sealed class OidcOptions
{
    public string MetadataAddress { get; set; } = "https://accounts.google.com/.well-known/openid-configuration";
    public string? ClientId { get; set; }
    public string? HostedDomain { get; set; }

    /// <summary>
    /// The shortest time between two JWKS refreshes forced by a token signed with an unknown key (rollover).
    /// It bounds how often a caller can make us fetch the issuer's keys.
    /// </summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Only for a local issuer in tests and development.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
