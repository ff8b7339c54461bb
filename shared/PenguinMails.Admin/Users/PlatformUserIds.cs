using PenguinMails.Admin.Staff;

namespace PenguinMails.Admin.Users;

/// <summary>User ids: 24 lowercase hex characters. Anything else from a route or a bulk list cannot exist.</summary>
public static class PlatformUserIds
{
    public static string New() => SessionTokens.NewId();

    public static bool IsValid(string? id) => id is { Length: 24 } && id.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');
}
