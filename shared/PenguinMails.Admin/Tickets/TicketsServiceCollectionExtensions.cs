using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Audit;

namespace PenguinMails.Admin.Tickets;

public static class TicketsServiceCollectionExtensions
{
    /// <summary>The ticket service; it mirrors to the external ticket system when one is registered (Jira).</summary>
    public static IServiceCollection AddTickets(this IServiceCollection services)
    {
        services.AddSingleton(sp => new TicketService(sp.GetRequiredService<ITicketStore>(), sp.GetRequiredService<IAuditLog>(),
            sp.GetRequiredService<TimeProvider>(), sp.GetService<IExternalTicketSystem>()));
        return services;
    }
}
