using PenguinMails.Functions.Http;

namespace PenguinMails.Functions.Health;

/// <summary>
/// Anonymous liveness: 200 <c>{status: ok}</c>, or 503 storage_unavailable with Retry-After while storage is
/// unreachable (nothing works without it). Component health, which needs a permission, is under /api/monitoring/health.
/// </summary>
public static class HealthApi
{
    public static WebApplicationBuilder AddHealthApi(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<StorageProbe>();
        return builder;
    }

    public static void MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/health", GetHealth).WithName("GetHealth").WithTags("Health").AllowAnonymous()
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    public sealed record HealthResponse(string Status);

    private static async Task<Results<Ok<HealthResponse>, ProblemHttpResult>> GetHealth(StorageProbe storage, HttpContext http,
        CancellationToken cancellationToken)
    {
        if (await storage.IsReachableAsync(cancellationToken))
        {
            return TypedResults.Ok(new HealthResponse("ok"));
        }
        var problem = Problems.Create(http, 503, "storage_unavailable", "Service unavailable.", "Storage is unreachable.");
        http.Response.Headers.RetryAfter = ((int)OutageProblems.RetryAfter.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return TypedResults.Problem(problem);
    }
}
