using System.Text.RegularExpressions;

namespace PenguinMails.Functions.Http;

/// <summary>
/// The formats the boundary accepts before anything reaches a store. Every id in the platform (generated hex ids,
/// flag keys, secret names, workflow instance ids, Stripe ids, ticket keys) fits <see cref="IsId"/>; characters
/// that Table storage refuses in keys ('/', '\', '#', '?', controls) and over-long values never do.
/// </summary>
public static partial class InputRules
{
    public const int MaxIdLength = 200;

    /// <summary>Dates outside this range are refused, so date arithmetic downstream can never overflow.</summary>
    public static readonly DateTimeOffset MinDate = new(1970, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DateTimeOffset MaxDate = new(2200, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string DateRangeMessage(string field) =>
        $"{field} must be between {MinDate:yyyy-MM-dd'T'HH:mm:ss'Z'} and {MaxDate:yyyy-MM-dd'T'HH:mm:ss'Z'}.";

    public static bool IsId(string value) => value.Length <= MaxIdLength && IdPattern().IsMatch(value);

    public static bool IsWithinDateRange(DateTimeOffset value) => value >= MinDate && value < MaxDate;

    /// <summary>Names of query and body fields that carry ids by the API's naming convention (tenantId, userIds…).</summary>
    public static bool IsIdName(string name) =>
        name.EndsWith("Id", StringComparison.Ordinal) || name.EndsWith("Ids", StringComparison.Ordinal) || name == "id";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.:@-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex IdPattern();
}
