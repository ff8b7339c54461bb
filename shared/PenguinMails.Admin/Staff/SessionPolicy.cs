namespace PenguinMails.Admin.Staff;

/// <summary>OWASP ASVS level 2 session lifetimes.</summary>
public static class SessionPolicy
{
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(12);

    /// <summary>lastSeenAt is written at most this often, so reads don't each cost a write.</summary>
    public static readonly TimeSpan TouchInterval = TimeSpan.FromMinutes(1);

    public static bool IsLive(StaffSession session, DateTimeOffset now) =>
        session.RevokedAt is null && now < session.AbsoluteExpiresAt && now - session.LastSeenAt < IdleTimeout;
}
