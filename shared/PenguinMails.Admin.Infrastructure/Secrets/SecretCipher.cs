using System.Security.Cryptography;
using System.Text;
using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Infrastructure.Secrets;

/// <summary>
/// AES-256-GCM for the local secret store. Each version gets a fresh random 96-bit nonce, and the secret's name
/// and version are the associated data, so a ciphertext copied onto another secret or version fails to decrypt,
/// as does any changed byte.
/// </summary>
public sealed class SecretCipher
{
    public const int KeySize = 32;
    public const int NonceSize = 12;
    public const int TagSize = 16;
    private readonly byte[] _key;

    public SecretCipher(byte[] key)
    {
        if (key.Length != KeySize)
        {
            throw NotConfigured($"Secrets__LocalKey must be exactly {KeySize} bytes, base64 (it is {key.Length}).");
        }
        _key = key;
        // A fingerprint, not the key: enough to tell which key encrypted a row, useless to an attacker.
        KeyId = Convert.ToHexStringLower(SHA256.HashData([.. "penguinmails-secrets-key-id"u8, .. key]))[..16];
    }

    public string KeyId { get; }

    public static SecretCipher FromBase64(string? base64)
    {
        if (string.IsNullOrWhiteSpace(base64))
        {
            throw NotConfigured(
                "Secrets__LocalKey is not set. The local secret store needs 32 random bytes, base64 (./dev.sh run generates one in local.settings.json).");
        }
        try
        {
            return new SecretCipher(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            throw NotConfigured("Secrets__LocalKey is not valid base64.");
        }
    }

    // A missing or bad key is the operator's to fix: the vault answers 503 with what is wrong, the rest of the app runs.
    private static AdminException NotConfigured(string detail) => AdminException.Unavailable("vault_not_configured", detail);

    public EncryptedValue Encrypt(string plaintext, string name, string version)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        var plain = Encoding.UTF8.GetBytes(plaintext);
        var cipher = new byte[plain.Length];
        var tag = new byte[TagSize];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Encrypt(nonce, plain, cipher, tag, AssociatedData(name, version));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
        return new EncryptedValue(nonce, cipher, tag, KeyId);
    }

    /// <summary>Decrypts and authenticates; throws <see cref="AuthenticationTagMismatchException"/> on any tampering.</summary>
    public string Decrypt(EncryptedValue value, string name, string version)
    {
        var plain = new byte[value.Ciphertext.Length];
        try
        {
            using var aes = new AesGcm(_key, TagSize);
            aes.Decrypt(value.Nonce, value.Ciphertext, value.Tag, plain, AssociatedData(name, version));
            return Encoding.UTF8.GetString(plain);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }

    private static byte[] AssociatedData(string name, string version) => Encoding.UTF8.GetBytes("penguinmails-secret\n" + name.ToLowerInvariant() + "\n" + version);
}
