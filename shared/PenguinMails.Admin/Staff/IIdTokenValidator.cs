namespace PenguinMails.Admin.Staff;

/// <summary>Validates an OIDC ID token (signature against the issuer's JWKS, issuer, audience, expiry, hosted domain).</summary>
public interface IIdTokenValidator
{
    /// <summary>The verified identity, or a failure reason that is safe to audit (never the token).</summary>
    Task<IdTokenResult> ValidateAsync(string idToken, CancellationToken cancellationToken = default);
}

