namespace PenguinMails.Admin.Staff;

public sealed record StaffFilter(StaffStatus? Status, string? Role, string? Query);
