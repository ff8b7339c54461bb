namespace PenguinMails.Admin.Infrastructure.Secrets;

/// <summary>
/// <c>Secrets__LocalKey</c>, turned into a <see cref="SecretCipher"/> when a value is first sealed or opened. Listing
/// secrets needs no key, so a missing key fails only the calls that need it (503 <c>vault_not_configured</c>).
/// </summary>
public sealed class LocalSecretKey(string? base64)
{
    private SecretCipher? _cipher;

    public SecretCipher Cipher => _cipher ??= SecretCipher.FromBase64(base64);
}
