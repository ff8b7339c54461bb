using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PenguinMails.Admin.Infrastructure.Tickets;
using PenguinMails.Admin.Tickets;

namespace PenguinMails.Admin.Infrastructure;

public static class TicketsServiceCollectionExtensions
{
    /// <summary>
    /// The built-in ticket store, and with <c>Tickets__Kind=Jira</c> the Jira Cloud mirror. Any other kind fails
    /// start-up rather than silently dropping tickets. Then the ticket service.
    /// </summary>
    public static IServiceCollection AddTicketsInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorageTables(TableTicketStore.TableName);
        services.AddSingleton<ITicketStore, TableTicketStore>();
        var kind = configuration["Tickets:Kind"] is { Length: > 0 } value ? value : "BuiltIn";
        if (string.Equals(kind, "Jira", StringComparison.OrdinalIgnoreCase))
        {
            var options = configuration.GetSection("Jira").Get<JiraOptions>() ?? new JiraOptions();
            options.Validate();
            services.AddSingleton(options);
            services.AddHttpClient(nameof(JiraTicketSystem), client =>
            {
                var credentials = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{options.Email}:{options.ApiToken}"));
                client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", credentials);
                client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                client.Timeout = TimeSpan.FromSeconds(30);
            });
            services.AddSingleton<IExternalTicketSystem>(sp => new JiraTicketSystem(
                sp.GetRequiredService<IHttpClientFactory>().CreateClient(nameof(JiraTicketSystem)), options,
                sp.GetRequiredService<ILogger<JiraTicketSystem>>()));
        }
        else if (!string.Equals(kind, "BuiltIn", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"Tickets__Kind is '{kind}'; use BuiltIn or Jira.");
        }
        services.AddTickets();
        return services;
    }
}
