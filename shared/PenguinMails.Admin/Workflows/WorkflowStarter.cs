using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Workflows;

/// <summary>Who started an instance. Its steps act on that person's behalf, with the instance id as correlation id.</summary>
public sealed record WorkflowStarter(string Id, string Email, IReadOnlyList<string> Roles)
{
    public static WorkflowStarter From(Actor actor) => new(actor.Id, actor.Email, actor.Roles);

    public Actor ToActor(string correlationId) =>
        new(Id, Email, Roles, RoleCatalog.PermissionsOf(Roles), null, null, null, correlationId);
}
