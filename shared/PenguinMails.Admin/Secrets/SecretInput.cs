using System.Text;
using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Secrets;

/// <summary>
/// Checks what a caller sends against Key Vault's limits. Error messages name the field and never repeat the
/// value, so a rejected secret can't leak through a problem response.
/// </summary>
public static class SecretInput
{
    public const int MaxValueBytes = 25 * 1024;
    public const int MaxContentTypeLength = 255;
    public const int MaxTags = 15;
    public const int MaxTagLength = 256;

    public static Validator Value(this Validator validator, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return validator.Add("value", "value is required.");
        }
        return validator.When(Encoding.UTF8.GetByteCount(value) > MaxValueBytes, "value", $"value must be at most {MaxValueBytes} bytes.");
    }

    public static Validator ContentType(this Validator validator, string? contentType) =>
        validator.Optional("contentType", contentType, MaxContentTypeLength);

    public static Validator Tags(this Validator validator, IReadOnlyDictionary<string, string>? tags)
    {
        if (tags is null)
        {
            return validator;
        }
        validator.When(tags.Count > MaxTags, "tags", $"At most {MaxTags} tags.");
        foreach (var (key, value) in tags)
        {
            validator.When(string.IsNullOrWhiteSpace(key) || key.Length > MaxTagLength, "tags", $"Tag names must be 1 to {MaxTagLength} characters.")
                .When(value is null || value.Length > MaxTagLength, "tags", $"Tag values must be at most {MaxTagLength} characters.");
        }
        if (tags.TryGetValue(DataClassification.TagName, out var classification) && !DataClassification.IsValid(classification))
        {
            validator.Add("tags", $"The {DataClassification.TagName} tag must be one of: {string.Join(", ", DataClassification.All)}.");
        }
        return validator;
    }

    public static Validator ExpiresOn(this Validator validator, DateTimeOffset? expiresOn, DateTimeOffset now) =>
        validator.When(expiresOn is { } e && e <= now, "expiresOn", "expiresOn must be in the future.");

    /// <summary>Versions are opaque ids of letters and digits (Key Vault uses 32 hex characters).</summary>
    public static string? Version(string? version)
    {
        new Validator().When(version is not null && (version.Length is 0 or > 64 || !version.All(char.IsAsciiLetterOrDigit)),
            "version", "version must be 1 to 64 letters or digits.").ThrowIfInvalid();
        return version;
    }

    /// <summary>The tags to store: the caller's, with the classification made explicit.</summary>
    public static IReadOnlyDictionary<string, string> WithClassification(IReadOnlyDictionary<string, string>? tags)
    {
        var result = new Dictionary<string, string>(tags ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        result.TryAdd(DataClassification.TagName, DataClassification.Default);
        return result;
    }
}
