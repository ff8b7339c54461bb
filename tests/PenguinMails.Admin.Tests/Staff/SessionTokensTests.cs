using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Tests.Staff;

public sealed class SessionTokensTests
{
    [Fact]
    public void NewTokens_CarryTheirLocatorAnd256RandomBits()
    {
        var token = SessionTokens.NewToken("abc123", "def456");
        Assert.True(SessionTokens.TryParse(token, out var staffId, out var sessionId));
        Assert.Equal(("abc123", "def456"), (staffId, sessionId));
        var secret = token.Split('.')[2];
        Assert.Equal(43, secret.Length);
        Assert.NotEqual(token, SessionTokens.NewToken("abc123", "def456"));
    }

    [Fact]
    public void OnlyTheExactTokenMatchesItsStoredHash()
    {
        var token = SessionTokens.NewToken("a1", "b2");
        var hash = SessionTokens.Hash(token);
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain(token.Split('.')[2], hash);
        Assert.True(SessionTokens.Matches(token, hash));
        Assert.False(SessionTokens.Matches(token[..^1] + (token[^1] == 'A' ? 'B' : 'A'), hash));
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer")]
    [InlineData("pms_")]
    [InlineData("pms_a.b")]
    [InlineData("pms_a.b.short")]
    [InlineData("pms_a'b.c.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("xyz_a.b.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void MalformedTokens_AreRejectedBeforeAnyLookup(string token) =>
        Assert.False(SessionTokens.TryParse(token, out _, out _));
}
