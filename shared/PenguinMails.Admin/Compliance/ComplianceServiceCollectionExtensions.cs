using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Compliance.Reports;
using PenguinMails.Admin.Compliance.Reviews;
using PenguinMails.Admin.Compliance.SignIns;

namespace PenguinMails.Admin.Compliance;

public static class ComplianceServiceCollectionExtensions
{
    /// <summary>Sign-in monitoring, the three report builders, the report service and access reviews.</summary>
    public static IServiceCollection AddCompliance(this IServiceCollection services)
    {
        services.AddSingleton<SignInMonitor>();
        services.AddSingleton<IReportBuilder, WeeklyAccessReportBuilder>();
        services.AddSingleton<IReportBuilder, MonthlySecurityReportBuilder>();
        services.AddSingleton<IReportBuilder, QuarterlyAccessReviewBuilder>();
        services.AddSingleton<ReportService>();
        services.AddSingleton<AccessReviewLedger>();
        services.AddSingleton<AccessReviewService>();
        return services;
    }
}
