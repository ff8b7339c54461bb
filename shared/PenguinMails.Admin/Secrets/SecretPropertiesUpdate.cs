namespace PenguinMails.Admin.Secrets;

/// <summary>Changes to the latest version's metadata; a null field stays as it is.</summary>
public sealed record SecretPropertiesUpdate(bool? Enabled, string? ContentType, IReadOnlyDictionary<string, string>? Tags, DateTimeOffset? ExpiresOn);
