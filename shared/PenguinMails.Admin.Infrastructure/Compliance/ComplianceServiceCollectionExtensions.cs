using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PenguinMails.Admin.Compliance;
using PenguinMails.Admin.Compliance.Reports;
using PenguinMails.Admin.Compliance.Reviews;
using PenguinMails.Admin.Compliance.SignIns;
using PenguinMails.Admin.Compliance.Sources;
using PenguinMails.Admin.Infrastructure.Compliance;
using PenguinMails.Admin.Settings;

namespace PenguinMails.Admin.Infrastructure;

public static class ComplianceServiceCollectionExtensions
{
    /// <summary>
    /// Reports, access reviews and sign-in monitoring (its alerts take the common alert path). The ports other features own (user growth, secret expiry,
    /// offboarding) get defaults only if nothing registered them: those features' own
    /// registrations win whatever the order. Offboarding runs on the staff offboarding workflow and its run log. User
    /// growth reads the users and tenants stores through <c>IPlatformGrowthReader</c>, which the users feature registers.
    /// Alert rules come from the platform settings' <c>security-alerts</c> section, with configuration where it is unset.
    /// </summary>
    public static IServiceCollection AddComplianceInfrastructure(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddStorageTables(TableMonitorCheckpoint.TableName, TableReportStore.TableName, TableReviewDecisionStore.TableName);
        services.AddStorageContainers(TableReportStore.Container);

        services.AddSingleton<ISignInActivity, TableSignInActivity>();
        services.AddSingleton<IMonitorCheckpoint, TableMonitorCheckpoint>();
        // Rules from the settings' security-alerts section, configuration where it is unset; the section shows the configured rules.
        // Read now, so a malformed Security__Alerts__* value stops start-up instead of failing every settings read later.
        services.AddSingleton(new ConfigurationAlertRuleSource(configuration));
        services.TryAddSingleton<IAlertRuleSource>(sp => new SettingsAlertRuleSource(sp.GetRequiredService<SettingsService>(),
            sp.GetRequiredService<ConfigurationAlertRuleSource>()));
        services.AddSingleton<ISettingsDefaults>(sp => new ConfiguredAlertRuleSection(sp.GetRequiredService<ConfigurationAlertRuleSource>()));

        services.TryAddSingleton<IUserGrowthSource, StoreUserGrowthSource>();
        services.TryAddSingleton<ISecretExpirySource, VaultSecretExpirySource>();
        services.TryAddSingleton<IOffboardingRequestSource, WorkflowOffboardingRequests>();
        services.TryAddSingleton<IOffboardingStarter, WorkflowOffboardingStarter>();

        services.AddSingleton<IReportStore, TableReportStore>();
        services.AddSingleton<IReviewDecisionStore, TableReviewDecisionStore>();
        services.AddCompliance();
        return services;
    }
}
