namespace PenguinMails.Admin.Users;

public enum BulkUserAction
{
    ChangeRole,
    Ban,
    Unban,
    MoveTenant,
}
