using PenguinMails.Admin.Users;

namespace PenguinMails.Admin.Tests.Users;

public sealed class UserFilterTests
{
    private static readonly PlatformUser Ada = new("0123456789abcdef01234567", "t1", "ada@example.com", "Ada Lovelace", "admin", PlatformUserStatus.Active,
        DateTimeOffset.UnixEpoch, null, null);

    [Theory]
    [InlineData("ADA@ex")]
    [InlineData("ada lo")]
    [InlineData("  Ada  ")]
    public void Query_IsACaseInsensitivePrefixOfEmailOrName(string q) => Assert.True(new UserFilter(null, null, null, q).Matches(Ada));

    [Theory]
    [InlineData("lovelace")]
    [InlineData("example")]
    public void Query_DoesNotMatchInsideWords(string q) => Assert.False(new UserFilter(null, null, null, q).Matches(Ada));

    [Fact]
    public void EveryGivenFilter_MustMatch()
    {
        Assert.True(new UserFilter("t1", PlatformUserStatus.Active, "admin", "ada").Matches(Ada));
        Assert.False(new UserFilter("t2", null, null, null).Matches(Ada));
        Assert.False(new UserFilter(null, PlatformUserStatus.Banned, null, null).Matches(Ada));
        Assert.False(new UserFilter(null, null, "member", null).Matches(Ada));
    }

    [Fact]
    public void SearchText_ReplacesCharactersTablesForbidInKeys() =>
        Assert.Equal("a_b_c_d_e_f", SearchText.Of("A/B\\C#D?E|F"));
}
