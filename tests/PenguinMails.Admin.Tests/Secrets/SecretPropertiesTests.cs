using PenguinMails.Admin.Secrets;

namespace PenguinMails.Admin.Tests.Secrets;

public sealed class SecretPropertiesTests
{
    private static readonly SecretProperties Secret = new("stripe-key", "v1", true, "text/plain",
        new Dictionary<string, string> { ["classification"] = "restricted" }, null, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch);

    [Fact]
    public void TheETag_ChangesWithAnyMetadata_ButNotWithTheNameCase()
    {
        Assert.Equal(Secret.ETag, (Secret with { Name = "STRIPE-KEY" }).ETag);
        Assert.NotEqual(Secret.ETag, (Secret with { Enabled = false }).ETag);
        Assert.NotEqual(Secret.ETag, (Secret with { Version = "v2" }).ETag);
        Assert.NotEqual(Secret.ETag, (Secret with { Tags = new Dictionary<string, string>() }).ETag);
        Assert.NotEqual(Secret.ETag, (Secret with { ExpiresOn = DateTimeOffset.UnixEpoch.AddDays(1) }).ETag);
    }

    [Fact]
    public void TheClassification_ComesFromItsTag()
    {
        Assert.Equal("restricted", Secret.Classification);
        Assert.Equal("confidential", (Secret with { Tags = new Dictionary<string, string>() }).Classification);
    }

    [Fact]
    public void ValuesNeverAppearInToString()
    {
        Assert.DoesNotContain("hunter2", new SecretVersionInput("hunter2", null, new Dictionary<string, string>(), null).ToString());
        Assert.DoesNotContain("hunter2", new RevealedSecret("n", "v", "hunter2").ToString());
    }
}
