namespace PenguinMails.Admin.Infrastructure.Staff;

/// <summary>The <c>Auth__Oidc__*</c> settings.</summary>
public sealed class OidcOptions
{
    public string MetadataAddress { get; set; } = "https://accounts.google.com/.well-known/openid-configuration";
    public string? ClientId { get; set; }
    public string? HostedDomain { get; set; }

    /// <summary>Only for a local issuer in tests and development.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;
}
