using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Infrastructure.Storage;

/// <summary>
/// Wraps a storage continuation token in an opaque cursor: base64url(scope NUL token) "." base64url(HMAC-SHA256).
/// The scope names the query, so a cursor from one list can't be replayed against another, and the MAC
/// stops callers from forging continuation tokens.
/// </summary>
public sealed class CursorCodec
{
    private readonly byte[] _key;

    public CursorCodec(byte[] key)
    {
        if (key.Length < 32)
        {
            throw new InvalidOperationException("Security__CursorKey must be at least 32 bytes (base64).");
        }
        _key = key;
    }

    public string Encode(string scope, string continuationToken)
    {
        var payload = Encoding.UTF8.GetBytes(scope + '\0' + continuationToken);
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload));
    }

    public string Decode(string scope, string cursor)
    {
        var dot = cursor.IndexOf('.', StringComparison.Ordinal);
        if (dot > 0 && cursor.Length < 4096 && TryDecode(cursor[..dot], out var payload) && TryDecode(cursor[(dot + 1)..], out var mac)
            && CryptographicOperations.FixedTimeEquals(mac, HMACSHA256.HashData(_key, payload)))
        {
            var text = Encoding.UTF8.GetString(payload);
            var separator = text.IndexOf('\0', StringComparison.Ordinal);
            if (separator >= 0 && text[..separator] == scope)
            {
                return text[(separator + 1)..];
            }
        }
        throw AdminException.Validation("cursor", "The cursor is invalid, was altered, or belongs to another query.");
    }

    private static bool TryDecode(string text, out byte[] bytes)
    {
        try
        {
            bytes = Base64Url.DecodeFromChars(text);
            return true;
        }
        catch (FormatException)
        {
            bytes = [];
            return false;
        }
    }
}
