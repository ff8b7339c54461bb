using PenguinMails.Admin.Common;
using PenguinMails.Admin.Secrets;

namespace PenguinMails.Admin.Tests.Secrets;

public sealed class SecretNameTests
{
    [Theory]
    [InlineData("stripe-webhook-secret")]
    [InlineData("A1")]
    [InlineData("x")]
    public void KeyVaultNames_AreAccepted(string name) => Assert.Equal(name, SecretName.Validated(name));

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("has_underscore")]
    [InlineData("../keys/other")]
    [InlineData("name?api-version=1")]
    [InlineData("ünïcode")]
    public void NamesOutsideKeyVaultsRules_AreRejected(string name)
    {
        var error = Assert.Throws<AdminException>(() => SecretName.Validated(name));
        Assert.Equal("validation_failed", error.Code);
    }

    [Fact]
    public void NamesLongerThan127_AreRejected()
    {
        Assert.True(SecretName.IsValid(new string('a', 127)));
        Assert.False(SecretName.IsValid(new string('a', 128)));
    }

    [Fact]
    public void Names_AreCaseInsensitive() => Assert.Equal(SecretName.Key("Stripe-Key"), SecretName.Key("stripe-KEY"));
}
