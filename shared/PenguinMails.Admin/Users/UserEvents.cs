namespace PenguinMails.Admin.Users;

/// <summary>Integration events about platform users, published to <c>EventDestinations.UserEvents</c>.</summary>
public static class UserEvents
{
    public const string Banned = "UserBanned";
    public const string Unbanned = "UserUnbanned";
    public const string SessionsRevoked = "UserSessionsRevoked";
    public const string MovedTenant = "UserMovedTenant";
}

/// <summary>The data of every user event: who, which tenant, what, why, and by whom.</summary>
public sealed record UserEventData(string UserId, string TenantId, string? PreviousTenantId, int? SessionsRevoked, string? Reason, string ActorId);
