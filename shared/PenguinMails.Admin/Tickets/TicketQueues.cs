using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.Tickets;

/// <summary>
/// The queues tickets are assigned to, and who may see each: tickets.read covers support; finance and security
/// tickets also need that domain's read permission (they hold invoices and audit reviews).
/// </summary>
public static class TicketQueues
{
    public const string Finance = "finance";
    public const string Security = "security";
    public const string Support = "support";

    public static IReadOnlyList<string> All { get; } = [Finance, Security, Support];

    public static bool Exists(string? queue) => queue is not null && All.Contains(queue);

    /// <summary>The permission needed on top of tickets.read to see tickets of <paramref name="queue"/>, if any.</summary>
    public static string? ExtraPermission(string queue) => queue switch
    {
        Finance => Permissions.FinanceRead,
        Security => Permissions.SecurityRead,
        _ => null,
    };

    public static bool CanSee(Actor actor, string queue) => ExtraPermission(queue) is not { } extra || actor.Has(extra);

    public static IReadOnlyList<string> VisibleTo(Actor actor) => All.Where(q => CanSee(actor, q)).ToList();
}
