using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;
using PenguinMails.Admin.Common;

namespace PenguinMails.Functions.Http;

/// <summary>
/// Validates input once, before any handler or store sees it: route ids (a malformed one names nothing, so 404),
/// ids and dates in the query string (400 with the allowed format or range), the If-Match syntax (412) and the
/// JSON body (<see cref="JsonBodyRules"/>). Runs after routing, so it knows the endpoint's parameters.
/// </summary>
public sealed class BoundaryValidationMiddleware(RequestDelegate next, HttpOptions options)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is RouteEndpoint route && HasMalformedRouteValue(context, route))
        {
            await Problems.WriteAsync(context, Problems.Create(context, 404, "not_found", "No such resource.",
                "The id in the path is not a valid id, so nothing has it."));
            return;
        }
        if (context.Request.Headers.IfMatch is { Count: > 0 } ifMatch && !EntityTagSyntax.IsValidIfMatch(ifMatch.ToString()))
        {
            throw AdminException.PreconditionFailed("If-Match is not a valid entity tag; send the ETag from a GET as is.");
        }
        var errors = new Validator();
        CheckQuery(context, endpoint, errors);
        errors.ThrowIfInvalid();
        if (endpoint?.Metadata.GetMetadata<IAcceptsMetadata>() is { RequestType: { } requestType })
        {
            await JsonBodyRules.CheckAsync(context, requestType, options.MaxRequestBodyBytes);
        }
        await next(context);
    }

    private static bool HasMalformedRouteValue(HttpContext context, RouteEndpoint route)
    {
        foreach (var parameter in route.RoutePattern.Parameters)
        {
            if (!parameter.IsCatchAll && context.Request.RouteValues[parameter.Name] is string value && !InputRules.IsId(value))
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsDate(Type type) => (Nullable.GetUnderlyingType(type) ?? type) is var t && (t == typeof(DateTimeOffset) || t == typeof(DateTime));

    private static void CheckQuery(HttpContext context, Endpoint? endpoint, Validator errors)
    {
        var dateParameters = endpoint?.Metadata.OfType<IParameterBindingMetadata>()
            .Where(p => IsDate(p.ParameterInfo.ParameterType))
            .Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        foreach (var (key, values) in context.Request.Query)
        {
            foreach (var value in values)
            {
                if (string.IsNullOrEmpty(value))
                {
                    continue;
                }
                if (InputRules.IsIdName(key) && !InputRules.IsId(value))
                {
                    errors.Add(key, $"{key} is not a valid id.");
                }
                else if (dateParameters.Contains(key)
                    && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                    && !InputRules.IsWithinDateRange(date))
                {
                    errors.Add(key, InputRules.DateRangeMessage(key));
                }
            }
        }
    }
}
