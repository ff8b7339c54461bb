namespace PenguinMails.Admin.Users;

/// <summary>
/// What growth and activity figures know of one platform user. <see cref="LastLoginAt"/> is the user's last sign-in
/// to the mail platform, which that platform records on the user row.
/// </summary>
public readonly record struct UserGrowthFacts(DateTimeOffset CreatedAt, PlatformUserStatus Status, DateTimeOffset? LastLoginAt);
