using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Tests.Common;

public sealed class ValidatorTests
{
    [Theory]
    [InlineData("ops@penguinmails.com", true)]
    [InlineData("Ops <ops@penguinmails.com>", false)]
    [InlineData("ops@localhost", false)]
    [InlineData("not-an-email", false)]
    public void Email_AcceptsOnlyPlainAddresses(string value, bool valid) => Assert.Equal(valid, Validator.IsEmail(value));

    [Fact]
    public void AllErrors_AreReportedTogetherPerField()
    {
        var e = Assert.Throws<AdminException>(() => new Validator().Require("name", "").Email("email", "x").Require("name", null).ThrowIfInvalid());
        Assert.Equal("validation_failed", e.Code);
        Assert.Equal(2, e.Errors!["name"].Length);
        Assert.Single(e.Errors["email"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(501)]
    public void PageSize_OutsideOneTo500_IsRejected(int size) =>
        Assert.Equal("validation_failed", Assert.Throws<AdminException>(() => PageRequest.From(size, null)).Code);

    [Fact]
    public void PageSize_DefaultsToFifty() => Assert.Equal(50, PageRequest.From(null, null).PageSize);

    [Fact]
    public void RequiredReason_IsTrimmedAndEnforced()
    {
        Assert.Equal("lost laptop", Reason.Required("  lost laptop "));
        Assert.Throws<AdminException>(() => Reason.Required("   "));
        Assert.Throws<AdminException>(() => Reason.Required(new string('x', Reason.MaxLength + 1)));
    }
}
