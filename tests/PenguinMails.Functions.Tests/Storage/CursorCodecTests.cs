using System.Security.Cryptography;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Functions.Tests.Storage;

public sealed class CursorCodecTests
{
    private readonly CursorCodec _codec = new(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void ACursor_RoundTripsItsContinuationToken()
    {
        var cursor = _codec.Encode("staff|active", "1!8!cGs-1!8!cms-");
        Assert.DoesNotContain("cGs", cursor.Split('.')[1]);
        Assert.Equal("1!8!cGs-1!8!cms-", _codec.Decode("staff|active", cursor));
    }

    [Fact]
    public void AnAlteredCursor_IsRejected()
    {
        var cursor = _codec.Encode("scope", "token");
        var altered = (cursor[0] == 'A' ? 'B' : 'A') + cursor[1..];
        Assert.Equal("validation_failed", Assert.Throws<AdminException>(() => _codec.Decode("scope", altered)).Code);
    }

    [Fact]
    public void ACursorFromAnotherQuery_IsRejected() =>
        Assert.Throws<AdminException>(() => _codec.Decode("audit|actor|b", _codec.Encode("audit|actor|a", "token")));

    [Fact]
    public void ACursorSignedWithAnotherKey_IsRejected() =>
        Assert.Throws<AdminException>(() => _codec.Decode("s", new CursorCodec(RandomNumberGenerator.GetBytes(32)).Encode("s", "t")));

    [Fact]
    public void ShortKeys_AreRefusedAtStartUp() => Assert.Throws<InvalidOperationException>(() => new CursorCodec(new byte[16]));
}
