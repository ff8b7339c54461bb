namespace PenguinMails.Admin.Infrastructure.Secrets;

/// <summary>A sealed secret value as stored: nonce, ciphertext, tag, and the fingerprint of the key that sealed it.</summary>
public sealed record EncryptedValue(byte[] Nonce, byte[] Ciphertext, byte[] Tag, string KeyId);
