namespace PenguinMails.Admin.Staff;

public sealed record SignInResult(string Token, DateTimeOffset ExpiresAt, StaffMember Staff);
