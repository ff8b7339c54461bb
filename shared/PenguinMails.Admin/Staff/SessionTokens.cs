using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace PenguinMails.Admin.Staff;

/// <summary>
/// Opaque session tokens: "pms_{staffId}.{sessionId}.{secret}", where the secret is 256 random bits.
/// The ids only locate the session row; the row stores the token's SHA-256, never the token.
/// </summary>
public static class SessionTokens
{
    public const string Prefix = "pms_";

    public static string NewToken(string staffId, string sessionId) =>
        $"{Prefix}{staffId}.{sessionId}.{Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32))}";

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static string NewId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    public static bool TryParse(string token, out string staffId, out string sessionId)
    {
        staffId = sessionId = "";
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 200)
        {
            return false;
        }
        var parts = token[Prefix.Length..].Split('.');
        if (parts.Length != 3 || !IsId(parts[0]) || !IsId(parts[1]) || parts[2].Length < 43)
        {
            return false;
        }
        (staffId, sessionId) = (parts[0], parts[1]);
        return true;
    }

    /// <summary>Constant-time comparison of a presented token with the stored hash.</summary>
    public static bool Matches(string token, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(token)), Encoding.ASCII.GetBytes(storedHash));

    private static bool IsId(string value) => value.Length is > 0 and <= 64 && value.All(char.IsAsciiLetterOrDigit);
}
