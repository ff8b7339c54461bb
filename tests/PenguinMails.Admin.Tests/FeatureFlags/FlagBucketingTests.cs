using PenguinMails.Admin.FeatureFlags;

namespace PenguinMails.Admin.Tests.FeatureFlags;

public sealed class FlagBucketingTests
{
    // Computed independently (Python: int.from_bytes(sha256(b"key:tenant").digest()[:4], "big") * 10000 >> 32),
    // so a change to the algorithm, or a dependence on the process or platform, fails here.
    [Theory]
    [InlineData("new-editor", "tenant-1", 8881)]
    [InlineData("new-editor", "tenant-2", 7217)]
    [InlineData("smart-send", "acme", 6822)]
    public void Bucket_IsTheDocumentedSha256Mapping(string key, string tenant, int expected) =>
        Assert.Equal(expected, FlagBucketing.Bucket(key, tenant));

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    [InlineData(25)]
    [InlineData(50)]
    [InlineData(90)]
    public void Rollout_CoversTheTargetShareOfTenants_WithinOnePoint(int percentage)
    {
        const int tenants = 100_000;
        var inRollout = 0;
        for (var i = 0; i < tenants; i++)
        {
            if (FlagBucketing.IsInRollout("checkout-v2", TenantId(i), percentage))
            {
                inRollout++;
            }
        }
        var share = 100.0 * inRollout / tenants;
        Assert.InRange(share, percentage - 1.0, percentage + 1.0);
    }

    [Fact]
    public void Buckets_OfDifferentFlags_AreIndependent()
    {
        const int tenants = 100_000;
        var both = 0;
        for (var i = 0; i < tenants; i++)
        {
            var id = TenantId(i);
            if (FlagBucketing.IsInRollout("flag-a", id, 10) && FlagBucketing.IsInRollout("flag-b", id, 10))
            {
                both++;
            }
        }
        // Independent 10% rollouts overlap on about 1% of tenants, not 10%.
        Assert.InRange(100.0 * both / tenants, 0.5, 1.5);
    }

    [Fact]
    public void RaisingThePercentage_KeepsEveryTenantAlreadyIn()
    {
        for (var i = 0; i < 10_000; i++)
        {
            var id = TenantId(i);
            if (FlagBucketing.IsInRollout("grow", id, 20))
            {
                Assert.True(FlagBucketing.IsInRollout("grow", id, 30));
            }
        }
    }

    private static string TenantId(int i) => new Guid(System.Security.Cryptography.MD5.HashData(BitConverter.GetBytes(i))).ToString("N");
}
