namespace PenguinMails.Admin.Staff;

public enum StaffStatus
{
    Active,
    Suspended,
    Offboarded,
}
