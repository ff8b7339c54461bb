namespace PenguinMails.Admin.Compliance.Reviews;

/// <summary>How a "remove" decision removes access: take every role away now, or start the offboarding workflow.</summary>
public enum RemovalMethod
{
    Roles,
    Offboard,
}
