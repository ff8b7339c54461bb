using PenguinMails.Admin.Infrastructure;

namespace PenguinMails.Functions.Tickets;

public static class TicketsFeature
{
    public static WebApplicationBuilder AddTickets(this WebApplicationBuilder builder)
    {
        builder.Services.AddTicketsInfrastructure(builder.Configuration);
        return builder;
    }

    public static void MapTickets(this WebApplication app) => app.MapTicketsApi();
}
