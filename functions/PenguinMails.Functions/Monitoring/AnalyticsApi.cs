using PenguinMails.Admin.Common;
using PenguinMails.Admin.Monitoring.Analytics;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Security;

namespace PenguinMails.Functions.Monitoring;

/// <summary>Platform user and tenant analytics.</summary>
public static class AnalyticsApi
{
    public static readonly TimeSpan MaxRange = TimeSpan.FromDays(366);

    public static void MapAnalyticsApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/analytics").WithTags("Analytics");
        group.MapGet("/users", GetUserAnalytics).WithName("GetUserAnalytics").RequirePermission(Permissions.AnalyticsRead);
    }

    /// <summary>
    /// <c>?interval=day|week&amp;from=&amp;to=</c>: by default the last 30 days per day, or the last 12 weeks per week.
    /// </summary>
    private static async Task<Ok<UserAnalyticsResponse>> GetUserAnalytics(IUserAnalyticsSource source, TimeProvider time, string? interval,
        DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var grouping = interval?.ToLowerInvariant() switch
        {
            null or "" or "day" => AnalyticsInterval.Day,
            "week" => AnalyticsInterval.Week,
            _ => throw AdminException.Validation("interval", "interval must be 'day' or 'week'."),
        };
        var end = to ?? time.GetUtcNow();
        var start = from ?? (grouping == AnalyticsInterval.Day ? end.AddDays(-30) : end.AddDays(-7 * 12));
        new Validator().When(start > end, "from", "from must not be after to.")
            .When(end - start > MaxRange, "from", "Ask for at most 366 days at a time.").ThrowIfInvalid();
        var query = new UserAnalyticsQuery(grouping, start.ToUniversalTime(), end.ToUniversalTime());
        return TypedResults.Ok(UserAnalyticsResponse.Create(query, await source.GetAsync(query, cancellationToken)));
    }
}
