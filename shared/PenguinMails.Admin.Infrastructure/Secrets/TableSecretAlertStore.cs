using Azure.Data.Tables;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Secrets;

namespace PenguinMails.Admin.Infrastructure.Secrets;

/// <summary>The expiry alerts already raised: one row per secret, version, state and expiry date.</summary>
public sealed class TableSecretAlertStore(StorageClients storage) : ISecretAlertStore
{
    public const string TableName = "SecretExpiryAlerts";
    private TableClient Table => storage.Table(TableName);

    public async Task<bool> WasRaisedAsync(SecretExpiry expiry, CancellationToken cancellationToken = default) =>
        (await Table.GetEntityIfExistsAsync<TableEntity>(SecretName.Key(expiry.Secret.Name), RowKey(expiry), cancellationToken: cancellationToken)).HasValue;

    public async Task RecordAsync(SecretExpiry expiry, DateTimeOffset raisedAt, CancellationToken cancellationToken = default) =>
        await Table.UpsertEntityAsync(new TableEntity(SecretName.Key(expiry.Secret.Name), RowKey(expiry))
        {
            ["Name"] = expiry.Secret.Name,
            ["Version"] = expiry.Secret.Version,
            ["State"] = expiry.State.ToString(),
            ["ExpiresOn"] = expiry.Secret.ExpiresOn,
            ["RaisedAt"] = raisedAt,
        }, TableUpdateMode.Replace, cancellationToken);

    /// <summary>The expiry date is part of the key: a version whose expiry was moved gets alerts for its new date.</summary>
    private static string RowKey(SecretExpiry expiry) => string.Join('-', expiry.Secret.Version, expiry.State.ToString().ToLowerInvariant(),
        expiry.Secret.ExpiresOn?.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
}
