namespace PenguinMails.Admin.Users;

public enum PlatformUserStatus
{
    Active,
    Banned,
}
