using PenguinMails.Admin.Infrastructure;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Compliance;

/// <summary>Compliance reports and access reviews, sign-in monitoring and security alerts.</summary>
public static class ComplianceFeature
{
    public static WebApplicationBuilder AddCompliance(this WebApplicationBuilder builder)
    {
        builder.Services.AddComplianceInfrastructure(builder.Configuration);
        builder.Services.AddTimerFunction<WeeklyComplianceReportFunction>(WeeklyComplianceReportFunction.Name, WeeklyComplianceReportFunction.Schedule);
        builder.Services.AddTimerFunction<MonthlyComplianceReportFunction>(MonthlyComplianceReportFunction.Name, MonthlyComplianceReportFunction.Schedule);
        builder.Services.AddTimerFunction<QuarterlyAccessReviewFunction>(QuarterlyAccessReviewFunction.Name, QuarterlyAccessReviewFunction.Schedule);
        builder.Services.AddTimerFunction<DetectSecurityAlertsFunction>(DetectSecurityAlertsFunction.Name, DetectSecurityAlertsFunction.Schedule);
        return builder;
    }

    public static void MapCompliance(this WebApplication app)
    {
        app.MapSecurityApi();
        app.MapReportsApi();
        app.MapAccessReviewApi();
    }
}
