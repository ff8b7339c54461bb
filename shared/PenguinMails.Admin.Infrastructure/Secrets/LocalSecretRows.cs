using System.Text.Json;
using Azure.Data.Tables;
using PenguinMails.Admin.Secrets;

namespace PenguinMails.Admin.Infrastructure.Secrets;

/// <summary>
/// The local store's rows. One partition per secret (its lower-cased name): a <c>current</c> row with the latest
/// version's metadata and the soft-delete state, and one row per version, keyed newest first, holding the
/// AES-GCM sealed value. One partition means every write is a single entity-group transaction.
/// </summary>
internal static class LocalSecretRows
{
    public const string CurrentRowKey = "current";
    public const string VersionPrefix = "v-";

    public static string VersionRowKey(DateTimeOffset createdOn, string version) =>
        VersionPrefix + (DateTimeOffset.MaxValue.UtcTicks - createdOn.UtcTicks).ToString("D19", System.Globalization.CultureInfo.InvariantCulture) + "-" + version;

    public static TableEntity Current(SecretProperties p) => WriteMetadata(new TableEntity(SecretName.Key(p.Name), CurrentRowKey) { ["Deleted"] = false }, p);

    public static TableEntity Version(SecretProperties p, EncryptedValue sealedValue) =>
        WriteMetadata(new TableEntity(SecretName.Key(p.Name), VersionRowKey(p.CreatedOn, p.Version))
        {
            ["Nonce"] = sealedValue.Nonce,
            ["Ciphertext"] = sealedValue.Ciphertext,
            ["Tag"] = sealedValue.Tag,
            ["KeyId"] = sealedValue.KeyId,
        }, p);

    public static TableEntity WriteMetadata(TableEntity row, SecretProperties p)
    {
        row["Name"] = p.Name;
        row["Version"] = p.Version;
        row["Enabled"] = p.Enabled;
        row["ContentType"] = p.ContentType;
        row["Tags"] = JsonSerializer.Serialize(p.Tags);
        row["ExpiresOn"] = p.ExpiresOn;
        row["CreatedOn"] = p.CreatedOn;
        row["UpdatedOn"] = p.UpdatedOn;
        return row;
    }

    public static SecretProperties Properties(TableEntity row) => new(
        row.GetString("Name"), row.GetString("Version"), row.GetBoolean("Enabled") ?? false, row.GetString("ContentType"),
        JsonSerializer.Deserialize<Dictionary<string, string>>(row.GetString("Tags") ?? "{}") ?? [],
        row.GetDateTimeOffset("ExpiresOn"), row.GetDateTimeOffset("CreatedOn") ?? default, row.GetDateTimeOffset("UpdatedOn") ?? default);

    public static bool IsDeleted(TableEntity current) => current.GetBoolean("Deleted") ?? false;

    public static DeletedSecret Deleted(TableEntity current) =>
        new(Properties(current), current.GetDateTimeOffset("DeletedOn") ?? default, current.GetDateTimeOffset("ScheduledPurgeDate"));

    public static EncryptedValue Sealed(TableEntity version) =>
        new(version.GetBinary("Nonce"), version.GetBinary("Ciphertext"), version.GetBinary("Tag"), version.GetString("KeyId"));
}
