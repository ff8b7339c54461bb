namespace PenguinMails.Functions.Health;

/// <summary>Anonymous liveness. Component health, which needs a permission, is under /api/monitoring/health.</summary>
public static class HealthApi
{
    public static void MapHealthApi(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/health", GetHealth).WithName("GetHealth").WithTags("Health").AllowAnonymous();

    public sealed record HealthResponse(string Status);

    private static Ok<HealthResponse> GetHealth() => TypedResults.Ok(new HealthResponse("ok"));
}
