using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Tests.Staff;

public sealed class SessionPolicyTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);

    private static StaffSession Session(DateTimeOffset lastSeen, DateTimeOffset? revoked = null) =>
        new("s", "p", "p@penguinmails.test", "h", "stamp", Start, lastSeen, Start + SessionPolicy.AbsoluteLifetime, null, null, revoked, ["auditor"]);

    [Fact]
    public void IdleTimeout_IsThirtyMinutes()
    {
        Assert.True(SessionPolicy.IsLive(Session(Start), Start.AddMinutes(29)));
        Assert.False(SessionPolicy.IsLive(Session(Start), Start.AddMinutes(30)));
    }

    [Fact]
    public void AbsoluteLifetime_IsTwelveHoursWhateverTheActivity() =>
        Assert.False(SessionPolicy.IsLive(Session(Start.AddHours(12)), Start.AddHours(12)));

    [Fact]
    public void RevokedSessions_AreNeverLive() =>
        Assert.False(SessionPolicy.IsLive(Session(Start, revoked: Start), Start.AddMinutes(1)));
}
