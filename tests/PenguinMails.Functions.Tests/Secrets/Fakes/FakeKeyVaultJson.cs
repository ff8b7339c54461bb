using System.Text.Json.Nodes;

namespace PenguinMails.Functions.Tests.Secrets.Fakes;

/// <summary>The Key Vault REST API's JSON shapes: SecretBundle, SecretItem, DeletedSecretBundle and the error body.</summary>
public static class FakeKeyVaultJson
{
    public const int RecoverableDays = 90;

    public static JsonObject Bundle(string vault, FakeKeyVaultSecret secret, FakeKeyVaultSecret.Version v, bool withValue)
    {
        var json = Item(vault, secret, v, withVersion: true);
        if (withValue)
        {
            json["value"] = v.Value;
        }
        return json;
    }

    /// <summary>A list item. Listing secrets gives ids without a version, as Key Vault does; listing versions gives versioned ids.</summary>
    public static JsonObject Item(string vault, FakeKeyVaultSecret secret, FakeKeyVaultSecret.Version v, bool withVersion)
    {
        var json = new JsonObject
        {
            ["id"] = withVersion ? $"{vault}secrets/{secret.Name}/{v.Id}" : $"{vault}secrets/{secret.Name}",
            ["attributes"] = new JsonObject
            {
                ["enabled"] = v.Enabled,
                ["exp"] = v.Expires,
                ["created"] = v.Created,
                ["updated"] = v.Updated,
                ["recoveryLevel"] = "Recoverable+Purgeable",
                ["recoverableDays"] = RecoverableDays,
            },
            ["tags"] = new JsonObject(v.Tags.Select(t => KeyValuePair.Create(t.Key, (JsonNode?)t.Value))),
        };
        if (v.ContentType is not null)
        {
            json["contentType"] = v.ContentType;
        }
        return json;
    }

    public static JsonObject Deleted(string vault, FakeKeyVaultSecret secret, JsonObject itemOrBundle)
    {
        itemOrBundle["recoveryId"] = $"{vault}deletedsecrets/{secret.Name}";
        itemOrBundle["deletedDate"] = secret.DeletedDate;
        itemOrBundle["scheduledPurgeDate"] = secret.ScheduledPurgeDate;
        return itemOrBundle;
    }

    public static JsonObject Error(string code, string message, string? innerCode = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (innerCode is not null)
        {
            error["innererror"] = new JsonObject { ["code"] = innerCode };
        }
        return new JsonObject { ["error"] = error };
    }

    public static JsonObject List(IEnumerable<JsonObject> items, string? nextLink) =>
        new() { ["value"] = new JsonArray(items.Cast<JsonNode>().ToArray()), ["nextLink"] = nextLink };
}
