using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Secrets;

namespace PenguinMails.Admin.Infrastructure.Audit;

/// <summary>
/// HMAC-SHA256 digest signatures with a 256-bit key held in the vault (a Key Vault secret in Azure, the local
/// vault locally; <c>Azure.Security.KeyVault.Keys</c> is not available here). The key id is the secret's version,
/// so a rotated key still verifies the digests it signed. Storage holds no copy of the key.
/// </summary>
public sealed class VaultAuditDigestSigner(ISecretVault vault, AuditOptions options) : IAuditDigestSigner
{
    private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public async Task<string> CurrentKeyIdAsync(CancellationToken cancellationToken = default)
    {
        if (await vault.GetAsync(options.DigestKeyName, cancellationToken) is { } current)
        {
            return current.Version;
        }
        var value = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
        try
        {
            return (await vault.CreateAsync(options.DigestKeyName, new SecretVersionInput(value, "application/octet-stream;base64",
                new Dictionary<string, string> { ["purpose"] = "audit-digest-hmac" }, null), cancellationToken)).Version;
        }
        catch (AdminException e) when (e.Code == "conflict")
        {
            // Another instance created it first.
            if (await vault.GetAsync(options.DigestKeyName, cancellationToken) is { } created)
            {
                return created.Version;
            }
            throw;
        }
    }

    public async Task<string> SignAsync(string canonical, string keyId, CancellationToken cancellationToken = default) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(await KeyAsync(keyId, cancellationToken) ?? throw AdminException.NotFound("Audit digest key", keyId),
            Encoding.UTF8.GetBytes(canonical)));

    public async Task<bool> VerifyAsync(string canonical, string keyId, string signature, CancellationToken cancellationToken = default)
    {
        if (await KeyAsync(keyId, cancellationToken) is not { } key || signature.Length != 64)
        {
            return false;
        }
        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(canonical)), given);
    }

    private async Task<byte[]?> KeyAsync(string keyId, CancellationToken cancellationToken)
    {
        if (_keys.TryGetValue(keyId, out var cached))
        {
            return cached;
        }
        try
        {
            var key = Convert.FromBase64String(await vault.GetValueAsync(options.DigestKeyName, keyId, cancellationToken));
            return _keys[keyId] = key;
        }
        catch (AdminException e) when (e.Code is "not_found" or "secret_disabled")
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
