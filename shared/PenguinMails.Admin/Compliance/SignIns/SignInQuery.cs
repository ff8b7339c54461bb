namespace PenguinMails.Admin.Compliance.SignIns;

/// <summary>Filters for sign-in activity. <see cref="Identity"/> matches the email or the staff id.</summary>
public sealed record SignInQuery(bool? Succeeded, string? Identity, string? IpAddress, DateTimeOffset From, DateTimeOffset To);
