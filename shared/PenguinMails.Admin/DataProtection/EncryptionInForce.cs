namespace PenguinMails.Admin.DataProtection;

/// <summary>The protections the running app applies, read from its configuration; shown next to the retention settings.</summary>
public sealed record EncryptionInForce(
    string SecretsProvider,
    string SecretsAlgorithm,
    string SecretsKeyId,
    int DeletedSecretsRetentionDays,
    string SessionTokens,
    string AuditIntegrity,
    string Cursors);
