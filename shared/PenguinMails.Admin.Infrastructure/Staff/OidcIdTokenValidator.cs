using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Infrastructure.Staff;

/// <summary>
/// Validates Google Workspace ID tokens with Microsoft.IdentityModel. The configuration manager caches the
/// issuer's metadata and JWKS and refreshes them when a token is signed with an unknown key (key rollover).
/// </summary>
public sealed class OidcIdTokenValidator : IIdTokenValidator
{
    private readonly OidcOptions _options;
    private readonly ConfigurationManager<OpenIdConnectConfiguration> _configuration;
    private readonly JsonWebTokenHandler _handler = new();

    public OidcIdTokenValidator(OidcOptions options, HttpClient http)
    {
        _options = options;
        _configuration = new ConfigurationManager<OpenIdConnectConfiguration>(options.MetadataAddress, new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(http) { RequireHttps = options.RequireHttpsMetadata })
        {
            AutomaticRefreshInterval = TimeSpan.FromHours(12),
            RefreshInterval = options.KeyRefreshInterval,
        };
    }

    public async Task<IdTokenResult> ValidateAsync(string idToken, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(_options.ClientId) || string.IsNullOrWhiteSpace(_options.HostedDomain))
        {
            return IdTokenResult.Failure("OIDC sign-in is not configured (Auth__Oidc__ClientId, Auth__Oidc__HostedDomain)");
        }
        var result = await ValidateOnceAsync(idToken, cancellationToken);
        if (result.Exception is SecurityTokenSignatureKeyNotFoundException)
        {
            _configuration.RequestRefresh();
            result = await ValidateOnceAsync(idToken, cancellationToken);
        }
        if (!result.IsValid)
        {
            return IdTokenResult.Failure("token rejected: " + (result.Exception?.GetType().Name ?? "invalid"));
        }
        var claims = result.ClaimsIdentity;
        var hostedDomain = claims.FindFirst("hd")?.Value;
        var email = claims.FindFirst("email")?.Value;
        var verified = claims.FindFirst("email_verified")?.Value;
        if (!string.Equals(hostedDomain, _options.HostedDomain, StringComparison.OrdinalIgnoreCase))
        {
            return IdTokenResult.Failure("hosted domain mismatch");
        }
        if (string.IsNullOrEmpty(email) || !string.Equals(verified, "true", StringComparison.OrdinalIgnoreCase)
            || !email.EndsWith("@" + _options.HostedDomain, StringComparison.OrdinalIgnoreCase))
        {
            return IdTokenResult.Failure("email missing, unverified or outside the hosted domain");
        }
        return IdTokenResult.Success(email);
    }

    private async Task<TokenValidationResult> ValidateOnceAsync(string idToken, CancellationToken cancellationToken)
    {
        var configuration = await _configuration.GetConfigurationAsync(cancellationToken);
        return await _handler.ValidateTokenAsync(idToken, new TokenValidationParameters
        {
            ValidIssuers = [configuration.Issuer, configuration.Issuer.Replace("https://", "", StringComparison.Ordinal)],
            ValidAudience = _options.ClientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ClockSkew = TimeSpan.FromMinutes(2),
        });
    }
}
