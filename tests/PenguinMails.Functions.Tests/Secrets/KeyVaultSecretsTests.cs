namespace PenguinMails.Functions.Tests.Secrets;

/// <summary>The lifecycle contract against the Key Vault adapter and the in-process Key Vault fake over HTTPS.</summary>
public sealed class KeyVaultSecretsTests(KeyVaultAppFactory factory) : SecretsLifecycleContract(factory), IClassFixture<KeyVaultAppFactory>;
