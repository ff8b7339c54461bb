namespace PenguinMails.Admin.Staff.Offboarding;

/// <summary>The input of the offboarding and emergency-revocation workflows.</summary>
public sealed record OffboardingInput(string StaffId, string Reason, bool Emergency);
