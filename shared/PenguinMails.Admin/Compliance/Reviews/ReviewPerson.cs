namespace PenguinMails.Admin.Compliance.Reviews;

/// <summary>Someone in an access review's frozen snapshot.</summary>
public sealed record ReviewPerson(string StaffId, string Email);
