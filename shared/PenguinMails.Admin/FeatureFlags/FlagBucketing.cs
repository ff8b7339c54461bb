using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace PenguinMails.Admin.FeatureFlags;

/// <summary>
/// Stable rollout buckets, in the manner of LaunchDarkly and Unleash: hash the flag key with the tenant id and map
/// the hash to one of 10,000 buckets (0.01% granularity). SHA-256 of the UTF-8 bytes of "{flagKey}:{tenantId}";
/// the first 4 bytes, big-endian, as an unsigned 32-bit number h; bucket = floor(h * 10000 / 2^32).
/// The result depends only on those two strings, so every instance, restart and runtime gives the same answer
/// (unlike <see cref="string.GetHashCode()"/>, which is randomized per process). Hashing the key too means a
/// tenant in the first 10% of one flag is not automatically in the first 10% of every other.
/// </summary>
public static class FlagBucketing
{
    public const int Buckets = 10_000;

    public static int Bucket(string flagKey, string tenantId)
    {
        // Encode "{flagKey}:{tenantId}" on the stack: evaluation runs on every request, so it should not allocate.
        var max = Encoding.UTF8.GetMaxByteCount(flagKey.Length + tenantId.Length + 1);
        Span<byte> input = max <= 1024 ? stackalloc byte[max] : new byte[max];
        var length = Encoding.UTF8.GetBytes(flagKey, input);
        input[length++] = (byte)':';
        length += Encoding.UTF8.GetBytes(tenantId, input[length..]);
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(input[..length], hash);
        var h = BinaryPrimitives.ReadUInt32BigEndian(hash);
        return (int)(((ulong)h * Buckets) >> 32);
    }

    /// <summary>True when the tenant's bucket falls inside the first <paramref name="percentage"/>% of buckets.</summary>
    public static bool IsInRollout(string flagKey, string tenantId, int percentage) =>
        Bucket(flagKey, tenantId) < percentage * (Buckets / 100);
}
