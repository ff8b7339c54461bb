using PenguinMails.Admin.Common;
using PenguinMails.Admin.Security;
using PenguinMails.Admin.Staff;
using PenguinMails.Functions.Http;

namespace PenguinMails.Functions.Security;

public static class HttpContextActorExtensions
{
    private const string ActorKey = "auth.actor";

    public static void SetActor(this HttpContext context, Actor actor) => context.Items[ActorKey] = actor;

    public static Actor GetActor(this HttpContext context) => context.FindActor() ?? throw AdminException.Unauthenticated();

    public static Actor? FindActor(this HttpContext context) => context.Items[ActorKey] as Actor;

    public static RequestOrigin Origin(this HttpContext context) => new(
        context.Connection.RemoteIpAddress?.ToString(),
        context.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null,
        CorrelationMiddleware.Current(context));
}
