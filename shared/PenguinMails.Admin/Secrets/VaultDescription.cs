namespace PenguinMails.Admin.Secrets;

/// <summary>How a vault protects values, for the data protection page: provider, algorithm and key identity (never the key).</summary>
public sealed record VaultDescription(string Provider, string Algorithm, string KeyId, int SoftDeleteRetentionDays);
