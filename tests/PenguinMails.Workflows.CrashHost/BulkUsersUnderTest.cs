using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Infrastructure.Users;
using PenguinMails.Admin.Users;

namespace PenguinMails.Workflows.CrashHost;

/// <summary>
/// The real <c>users-bulk</c> journey's services on the storage the configuration names: the users, results and
/// audit stores, the event bus and the batch processor, registered by the app's own <c>AddX()</c>. The host adds the
/// engine and the orchestrator; the test builds the same set to seed users and read back what happened.
/// </summary>
public static class BulkUsersUnderTest
{
    public const string Workflow = "users-bulk";

    public static IServiceCollection AddBulkUsersUnderTest(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLogging();
        services.TryAddSingleton(TimeProvider.System);
        services.AddStorage(configuration);
        services.AddIntegrationEventBus(configuration);
        services.AddSecretsInfrastructure(configuration);
        services.AddAuditInfrastructure(configuration);
        services.AddAlertsInfrastructure();
        services.AddUsersInfrastructure();
        return services;
    }

    /// <summary>The results store that kills the process at <see cref="CrashPoint.BeforeResults"/>.</summary>
    public static IServiceCollection AddResultsCrash(this IServiceCollection services)
    {
        services.AddSingleton<TableBulkUserResultStore>();
        services.AddSingleton<IBulkUserResultStore>(sp => new CrashingBulkResults(sp.GetRequiredService<TableBulkUserResultStore>(), sp.GetRequiredService<CrashPoint>()));
        return services;
    }
}
