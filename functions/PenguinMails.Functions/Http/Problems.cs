using Microsoft.AspNetCore.Mvc;
using PenguinMails.Admin.Common;

namespace PenguinMails.Functions.Http;

/// <summary>Builds RFC 9457 problems; every one carries a stable <c>code</c> and the request's trace id.</summary>
public static class Problems
{
    public static ProblemDetails Create(HttpContext context, int status, string code, string title, string? detail = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Instance = context.Request.Path };
        problem.Extensions["code"] = code;
        problem.Extensions["traceId"] = System.Diagnostics.Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        return problem;
    }

    public static ProblemDetails From(HttpContext context, AdminException exception)
    {
        var problem = Create(context, exception.Status, exception.Code, exception.Title, exception.Detail);
        if (exception.Errors is not null)
        {
            problem.Extensions["errors"] = exception.Errors;
        }
        foreach (var (key, value) in exception.Extensions ?? new Dictionary<string, object>())
        {
            problem.Extensions[key] = value;
        }
        return problem;
    }

    public static async Task WriteAsync(HttpContext context, ProblemDetails problem)
    {
        context.Response.StatusCode = problem.Status ?? 500;
        await context.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json");
    }
}
