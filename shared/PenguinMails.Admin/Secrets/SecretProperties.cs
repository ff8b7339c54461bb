using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace PenguinMails.Admin.Secrets;

/// <summary>A secret's metadata at one version. It never holds the value.</summary>
public sealed record SecretProperties(
    string Name,
    string Version,
    bool Enabled,
    string? ContentType,
    IReadOnlyDictionary<string, string> Tags,
    DateTimeOffset? ExpiresOn,
    DateTimeOffset CreatedOn,
    DateTimeOffset UpdatedOn)
{
    public string Classification => Tags.TryGetValue(DataClassification.TagName, out var value) ? value : DataClassification.Default;

    /// <summary>
    /// A strong ETag over every metadata field. Key Vault has no conditional requests, so the service compares
    /// this with the caller's If-Match before it changes anything.
    /// </summary>
    public string ETag
    {
        get
        {
            var canonical = JsonSerializer.Serialize(new
            {
                Name = SecretName.Key(Name), Version, Enabled, ContentType, Tags = Tags.OrderBy(t => t.Key, StringComparer.Ordinal).ToList(),
                Expires = ExpiresOn?.ToUnixTimeSeconds(), Updated = UpdatedOn.ToUnixTimeSeconds(),
            });
            return "\"" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)))[..32] + "\"";
        }
    }
}
