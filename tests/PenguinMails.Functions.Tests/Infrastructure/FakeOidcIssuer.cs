using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PenguinMails.Functions.Tests.Infrastructure;

/// <summary>
/// A local OpenID Connect issuer served over real HTTP: discovery document, JWKS, and ID tokens signed with its
/// RSA key. It can rotate its key to prove the app follows JWKS rollover.
/// </summary>
public sealed class FakeOidcIssuer : IAsyncDisposable
{
    public const string ClientId = "penguinmails-admin-tests";
    public const string HostedDomain = "penguinmails.test";
    private readonly WebApplication _app;
    private RsaSecurityKey _key = NewKey();

    private FakeOidcIssuer(WebApplication app) => _app = app;

    public string Issuer { get; private set; } = "";
    public string MetadataAddress => Issuer + "/.well-known/openid-configuration";

    public static async Task<FakeOidcIssuer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var issuer = new FakeOidcIssuer(app);
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new JsonObject
        {
            ["issuer"] = issuer.Issuer,
            ["jwks_uri"] = issuer.Issuer + "/jwks",
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        }));
        app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(issuer._key);
            return Results.Json(new JsonObject
            {
                ["keys"] = new JsonArray(new JsonObject { ["kty"] = "RSA", ["use"] = "sig", ["alg"] = "RS256", ["kid"] = jwk.Kid, ["n"] = jwk.N, ["e"] = jwk.E }),
            });
        });
        await app.StartAsync();
        issuer.Issuer = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return issuer;
    }

    /// <summary>Settings that point the app at this issuer.</summary>
    public Dictionary<string, string?> AppSettings() => new()
    {
        ["Auth:Oidc:MetadataAddress"] = MetadataAddress,
        ["Auth:Oidc:ClientId"] = ClientId,
        ["Auth:Oidc:HostedDomain"] = HostedDomain,
        ["Auth:Oidc:RequireHttpsMetadata"] = "false",
    };

    public string IdToken(string email, string? hostedDomain = HostedDomain, string audience = ClientId, DateTime? expires = null, RsaSecurityKey? signingKey = null)
    {
        var claims = new Dictionary<string, object> { ["email"] = email, ["email_verified"] = true, ["sub"] = "sub-" + email };
        if (hostedDomain is not null)
        {
            claims["hd"] = hostedDomain;
        }
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            Claims = claims,
            IssuedAt = now.AddMinutes(-1),
            NotBefore = now.AddMinutes(-1),
            Expires = expires ?? now.AddMinutes(10),
            SigningCredentials = new SigningCredentials(signingKey ?? _key, SecurityAlgorithms.RsaSha256),
        });
    }

    /// <summary>Signs with a key that the JWKS never published.</summary>
    public string ForgedIdToken(string email) => IdToken(email, signingKey: NewKey());

    public void RotateKey() => _key = NewKey();

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static RsaSecurityKey NewKey() => new(RSA.Create(2048)) { KeyId = Guid.NewGuid().ToString("N") };
}
