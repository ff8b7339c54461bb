using PenguinMails.Admin.Common;
using PenguinMails.Admin.Secrets;

namespace PenguinMails.Admin.Tests.Secrets;

public sealed class SecretInputTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AValueOver25KiB_IsRejected_WithoutRepeatingIt()
    {
        var value = "secret-" + new string('z', SecretInput.MaxValueBytes);
        var error = Assert.Throws<AdminException>(() => new Validator().Value(value).ThrowIfInvalid());
        Assert.DoesNotContain(value, string.Join(' ', error.Errors!.SelectMany(e => e.Value)));
    }

    [Fact]
    public void AnEmptyValue_IsRejected() => Assert.Throws<AdminException>(() => new Validator().Value("").ThrowIfInvalid());

    [Theory]
    [InlineData("public")]
    [InlineData("internal")]
    [InlineData("confidential")]
    [InlineData("restricted")]
    public void TheFourClassifications_AreAccepted(string classification) =>
        new Validator().Tags(new Dictionary<string, string> { ["classification"] = classification }).ThrowIfInvalid();

    [Fact]
    public void AnUnknownClassification_OrTooManyTags_AreRejected()
    {
        Assert.Throws<AdminException>(() => new Validator().Tags(new Dictionary<string, string> { ["classification"] = "top-secret" }).ThrowIfInvalid());
        var many = Enumerable.Range(0, 16).ToDictionary(i => "t" + i, i => "v");
        Assert.Throws<AdminException>(() => new Validator().Tags(many).ThrowIfInvalid());
    }

    [Fact]
    public void AnExpiryInThePast_IsRejected()
    {
        Assert.Throws<AdminException>(() => new Validator().ExpiresOn(Now.AddSeconds(-1), Now).ThrowIfInvalid());
        new Validator().ExpiresOn(Now.AddDays(1), Now).ThrowIfInvalid();
    }

    [Fact]
    public void MissingClassification_DefaultsToConfidential_AndAGivenOneIsKept()
    {
        Assert.Equal("confidential", SecretInput.WithClassification(null)["classification"]);
        Assert.Equal("public", SecretInput.WithClassification(new Dictionary<string, string> { ["classification"] = "public" })["classification"]);
    }

    [Theory]
    [InlineData("0123456789abcdef0123456789abcdef", true)]
    [InlineData("../x", false)]
    [InlineData("", false)]
    public void Versions_AreOpaqueLettersAndDigits(string version, bool valid)
    {
        if (valid)
        {
            Assert.Equal(version, SecretInput.Version(version));
        }
        else
        {
            Assert.Throws<AdminException>(() => SecretInput.Version(version));
        }
    }
}
