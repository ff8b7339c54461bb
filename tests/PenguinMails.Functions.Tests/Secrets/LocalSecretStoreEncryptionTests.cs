using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Secrets;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using static PenguinMails.Functions.Tests.Secrets.SecretsRequests;

namespace PenguinMails.Functions.Tests.Secrets;

/// <summary>The local store's encryption at rest, checked on the rows Azurite actually holds.</summary>
public sealed class LocalSecretStoreEncryptionTests(LocalVaultAppFactory factory) : IClassFixture<LocalVaultAppFactory>
{
    private TableClient Table => factory.Services.GetRequiredService<StorageClients>().Table(LocalSecretVault.TableName);

    [Fact]
    public async Task StoredRows_HoldOnlyAesGcmCiphertext_NeverThePlaintext()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var (name, value) = (NewName(), NewValue());
        await CreateAsync(client, name, value);

        var rows = await RowsAsync(name);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, row => Assert.DoesNotContain(row, p => Contains(p.Value, value)));
        var version = rows.Single(r => r.RowKey.StartsWith("v-", StringComparison.Ordinal));
        Assert.Equal(SecretCipher.NonceSize, version.GetBinary("Nonce").Length);
        Assert.Equal(SecretCipher.TagSize, version.GetBinary("Tag").Length);
        Assert.Equal(Encoding.UTF8.GetByteCount(value), version.GetBinary("Ciphertext").Length);
        Assert.Equal(factory.Services.GetRequiredService<LocalSecretKey>().Cipher.KeyId, version.GetString("KeyId"));
    }

    [Fact]
    public async Task EveryVersion_GetsItsOwnNonce()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var (name, value) = (NewName(), NewValue());
        await CreateAsync(client, name, value);
        await (await client.PutAsJsonAsync($"{Route}/{name}", new { value })).ReadJsonAsync();

        var versions = (await RowsAsync(name)).Where(r => r.RowKey.StartsWith("v-", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, versions.Count);
        Assert.NotEqual(Convert.ToHexString(versions[0].GetBinary("Nonce")), Convert.ToHexString(versions[1].GetBinary("Nonce")));
        Assert.NotEqual(Convert.ToHexString(versions[0].GetBinary("Ciphertext")), Convert.ToHexString(versions[1].GetBinary("Ciphertext")));
    }

    [Fact]
    public async Task ATamperedCiphertext_FailsDecryption_RevealsNothing_AndIsAuditedAsAFailure()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var (name, value) = (NewName(), NewValue());
        await CreateAsync(client, name, value);
        var version = (await RowsAsync(name)).Single(r => r.RowKey.StartsWith("v-", StringComparison.Ordinal));
        var ciphertext = version.GetBinary("Ciphertext");
        ciphertext[0] ^= 0x01;
        version["Ciphertext"] = ciphertext;
        await Table.UpdateEntityAsync(version, version.ETag, TableUpdateMode.Replace);

        var response = await RevealAsync(client, name);
        var problem = await response.AssertProblemAsync(HttpStatusCode.InternalServerError, "internal_error");
        Assert.DoesNotContain(value, problem.GetRawText());
        var audit = await (await client.GetAsync($"/api/audit?targetId={name}&action=secrets.reveal")).ReadJsonAsync();
        Assert.Equal("failure", Assert.Single(audit.GetProperty("items").EnumerateArray()).GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task ACiphertextMovedToAnotherSecret_FailsDecryption()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var (source, target) = (NewName(), NewName());
        await CreateAsync(client, source, NewValue());
        await CreateAsync(client, target, NewValue());
        var from = (await RowsAsync(source)).Single(r => r.RowKey.StartsWith("v-", StringComparison.Ordinal));
        var to = (await RowsAsync(target)).Single(r => r.RowKey.StartsWith("v-", StringComparison.Ordinal));
        foreach (var field in new[] { "Nonce", "Ciphertext", "Tag" })
        {
            to[field] = from.GetBinary(field);
        }
        await Table.UpdateEntityAsync(to, to.ETag, TableUpdateMode.Replace);

        await (await RevealAsync(client, target)).AssertProblemAsync(HttpStatusCode.InternalServerError, "internal_error");
    }

    [Fact]
    public void AnotherKey_CannotDecrypt_AndKeysMustBe32Bytes()
    {
        var sealedValue = new SecretCipher(RandomNumberGenerator.GetBytes(32)).Encrypt("value", "name", "v1");
        Assert.ThrowsAny<CryptographicException>(() => new SecretCipher(RandomNumberGenerator.GetBytes(32)).Decrypt(sealedValue, "name", "v1"));
        var tooLong = Assert.Throws<AdminException>(() => SecretCipher.FromBase64(Convert.ToBase64String(new byte[35])));
        Assert.Equal((503, "vault_not_configured"), (tooLong.Status, tooLong.Code));
        Assert.Equal("vault_not_configured", Assert.Throws<AdminException>(() => SecretCipher.FromBase64("")).Code);
        Assert.Equal("vault_not_configured", Assert.Throws<AdminException>(() => SecretCipher.FromBase64("not base64!")).Code);
    }

    [Fact]
    public void TheSampleSettings_CarryA32ByteLocalKey()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "local.settings.sample.json")))
        {
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("repository root not found");
        }
        using var sample = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "local.settings.sample.json")));
        var key = sample.RootElement.GetProperty("Values").GetProperty("Secrets__LocalKey").GetString();
        Assert.Equal(32, Convert.FromBase64String(key!).Length);
    }

    private async Task<List<TableEntity>> RowsAsync(string name)
    {
        var rows = new List<TableEntity>();
        await foreach (var row in Table.QueryAsync<TableEntity>($"PartitionKey eq '{name.ToLowerInvariant()}'"))
        {
            rows.Add(row);
        }
        return rows;
    }

    private static bool Contains(object? property, string value) => property switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes).Contains(value, StringComparison.Ordinal),
        null => false,
        _ => property.ToString()!.Contains(value, StringComparison.Ordinal),
    };
}
