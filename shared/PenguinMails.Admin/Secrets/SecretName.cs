using System.Text.RegularExpressions;
using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Secrets;

/// <summary>
/// Key Vault's naming rules, enforced for both adapters: 1 to 127 letters, digits and dashes. Names are
/// case-insensitive, as in Key Vault. Validating before any call also keeps a name from reaching into
/// another part of the vault's REST API (no slashes, dots or query characters).
/// </summary>
public static partial class SecretName
{
    public const int MaxLength = 127;

    public static bool IsValid(string? name) => name is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(name);

    public static string Validated(string? name, string field = "name")
    {
        new Validator()
            .Require(field, name, MaxLength)
            .When(!string.IsNullOrWhiteSpace(name) && !IsValid(name), field, $"{field} may contain only letters, digits and dashes (1 to {MaxLength}).")
            .ThrowIfInvalid();
        return name!;
    }

    /// <summary>The case-insensitive key of a name.</summary>
    public static string Key(string name) => name.ToLowerInvariant();

    [GeneratedRegex("^[0-9a-zA-Z-]+$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
