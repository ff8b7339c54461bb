namespace PenguinMails.Admin.Infrastructure.Users;

/// <summary>The queue that rewrites a user's index rows when the write after a committed change failed: one message per user id.</summary>
public static class UserIndexQueue
{
    public const string Name = "user-index";
}
