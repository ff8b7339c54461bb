using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;

namespace PenguinMails.Functions.Http;

/// <summary>
/// Turns the framework's parameter-binding failures ("Failed to bind parameter \"Nullable&lt;int&gt; pageSize\"…")
/// into validation_failed with an error for the field, in words rather than .NET type names.
/// </summary>
public static partial class BindingProblems
{
    public static ProblemDetails? TryCreate(HttpContext context, BadHttpRequestException exception)
    {
        var match = Parameter().Match(exception.Message);
        if (!match.Success)
        {
            return null;
        }
        var name = match.Groups["name"].Value;
        var message = exception.Message.Contains("was not provided", StringComparison.Ordinal)
            ? $"{name} is required."
            : $"{name} must be {Expected(match.Groups["type"].Value)}.";
        var problem = Problems.Create(context, 400, "validation_failed", "The request is not valid.", "See 'errors' for each field.");
        problem.Extensions["errors"] = new Dictionary<string, string[]> { [name] = [message] };
        return problem;
    }

    private static string Expected(string type) => type.Replace("Nullable<", "", StringComparison.Ordinal).TrimEnd('>') switch
    {
        "int" or "long" or "short" or "Int32" or "Int64" => "a whole number",
        "double" or "decimal" or "float" => "a number",
        "bool" or "Boolean" => "true or false",
        "DateTimeOffset" or "DateTime" => "an ISO 8601 date-time, such as 2026-01-31T00:00:00Z",
        "Guid" => "a GUID",
        _ => "a valid value",
    };

    [GeneratedRegex("parameter \"(?<type>[^\"]+) (?<name>[A-Za-z0-9_]+)\"")]
    private static partial Regex Parameter();
}
