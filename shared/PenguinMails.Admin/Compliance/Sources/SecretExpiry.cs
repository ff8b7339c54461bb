namespace PenguinMails.Admin.Compliance.Sources;

/// <summary>A secret that has expired or expires soon. Never carries the secret's value.</summary>
public sealed record SecretExpiry(string Name, DateTimeOffset ExpiresAt, bool Expired);
