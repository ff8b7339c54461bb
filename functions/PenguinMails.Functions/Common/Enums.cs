using PenguinMails.Admin.Common;

namespace PenguinMails.Functions.Common;

public static class Enums
{
    /// <summary>Parses a lowercase query value such as "active"; an unknown value is a 400, never ignored.</summary>
    public static T? ParseOptional<T>(string field, string? value) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (Enum.TryParse<T>(value.Replace("-", "", StringComparison.Ordinal), ignoreCase: true, out var parsed) && Enum.IsDefined(parsed))
        {
            return parsed;
        }
        var allowed = string.Join(", ", Enum.GetNames<T>().Select(n => n.ToLowerInvariant()));
        throw AdminException.Validation(field, $"'{value}' is not one of: {allowed}.");
    }
}
