using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Staff;

/// <summary>Sign-in, sign-out and the current session.</summary>
public static class AuthApi
{
    public static void MapAuthApi(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth").WithTags("Auth");
        auth.MapPost("/google", SignIn).WithName("SignInWithGoogle").AllowAnonymous();
        auth.MapGet("/config", GetConfig).WithName("GetAuthConfig").AllowAnonymous();
        auth.MapPost("/logout", Logout).WithName("Logout").RequirePermission(Permissions.Authenticated);

        var me = app.MapGroup("/api/me").WithTags("Auth");
        me.MapGet("/", GetMe).WithName("GetMe").RequirePermission(Permissions.Authenticated);
        me.MapGet("/sessions", ListMySessions).WithName("ListMySessions").RequirePermission(Permissions.Authenticated);
        me.MapDelete("/sessions/{sessionId}", EndMySession).WithName("EndMySession").RequirePermission(Permissions.Authenticated);
    }

    public sealed record SignInRequest(string IdToken);

    public sealed record MeResponse(string Id, string Email, string DisplayName, IReadOnlyList<string> Roles, IReadOnlyList<string> Permissions);

    public sealed record SignInResponse(string Token, DateTimeOffset ExpiresAt, MeResponse Staff);

    public sealed record AuthConfigResponse(string? GoogleClientId, bool LocalSignIn);

    private static async Task<Ok<SignInResponse>> SignIn(SignInRequest request, SignInService signIn, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await signIn.SignInAsync(request.IdToken, context.Origin(), cancellationToken);
        return TypedResults.Ok(new SignInResponse(result.Token, result.ExpiresAt, ToMe(result.Staff)));
    }

    private static Ok<AuthConfigResponse> GetConfig(IConfiguration configuration, Hosting.FunctionHostMode mode) =>
        TypedResults.Ok(new AuthConfigResponse(configuration["Auth:Oidc:ClientId"], !mode.UnderFunctionsHost));

    private static async Task<NoContent> Logout(Actor actor, SessionService sessions, CancellationToken cancellationToken)
    {
        await sessions.EndOwnAsync(actor, actor.SessionId!, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<MeResponse>> GetMe(Actor actor, StaffService staff, CancellationToken cancellationToken) =>
        TypedResults.Ok(ToMe(await staff.GetSignedInAsync(actor, cancellationToken)));

    private static async Task<Ok<IReadOnlyList<SessionResponse>>> ListMySessions(Actor actor, SessionService sessions, CancellationToken cancellationToken)
    {
        var live = await sessions.ListLiveAsync(actor.Id, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<SessionResponse>>(live.Select(SessionResponse.From).ToList());
    }

    private static async Task<Results<NoContent, NotFound>> EndMySession(string sessionId, Actor actor, SessionService sessions, CancellationToken cancellationToken) =>
        // Object-level check: the session is looked up under the caller's own id, so nobody ends another person's session here.
        await sessions.EndOwnAsync(actor, sessionId, cancellationToken) ? TypedResults.NoContent() : throw AdminException.NotFound("Session", sessionId);

    private static MeResponse ToMe(StaffMember m) =>
        new(m.Id, m.Email, m.DisplayName, m.Roles, RoleCatalog.PermissionsOf(m.Roles).Order(StringComparer.Ordinal).ToList());
}
