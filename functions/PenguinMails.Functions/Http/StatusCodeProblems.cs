namespace PenguinMails.Functions.Http;

/// <summary>Gives empty framework responses (unmatched route, wrong verb) a problem body with a stable code.</summary>
public static class StatusCodeProblems
{
    public static IApplicationBuilder UseStatusCodeProblems(this IApplicationBuilder app) =>
        app.UseStatusCodePages(async context =>
        {
            var http = context.HttpContext;
            var status = http.Response.StatusCode;
            var (code, title) = status switch
            {
                404 => ("not_found", "No such resource."),
                405 => ("method_not_allowed", "This method is not allowed on this resource."),
                413 => ("payload_too_large", "The request body is too large."),
                415 => ("unsupported_media_type", "Unsupported media type; send application/json."),
                401 => ("unauthenticated", "Authentication required."),
                403 => ("forbidden", "Forbidden."),
                _ => ("http_" + status, "The request failed."),
            };
            await Problems.WriteAsync(http, Problems.Create(http, status, code, title));
        });
}
