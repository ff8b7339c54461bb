using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Functions.Http;

namespace PenguinMails.Functions.Security;

/// <summary>Resolves "Authorization: Bearer &lt;session token&gt;" to an <see cref="Actor"/> on every request.</summary>
public sealed class SessionAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    SessionService sessions) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Session";
    public const string PermissionDeniedDetail = "Your roles do not include the permission this action requires.";
    private const string FailureKey = "auth.failure";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        try
        {
            var actor = await sessions.AuthenticateAsync(header["Bearer ".Length..].Trim(), Context.Origin(), Context.RequestAborted);
            Context.SetActor(actor);
            // Permissions are checked on the actor (PermissionRequirement); the principal only says who it is.
            var identity = new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, actor.Id)], SchemeName);
            return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
        }
        catch (AdminException e) when (e.Status == 401)
        {
            Context.Items[FailureKey] = e;
            return AuthenticateResult.Fail(e.Code);
        }
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var failure = Context.Items[FailureKey] as AdminException ?? AdminException.Unauthenticated();
        return Problems.WriteAsync(Context, Problems.From(Context, failure));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, Problems.Create(Context, 403, "forbidden", "Forbidden.",
            PermissionDeniedDetail));
}
