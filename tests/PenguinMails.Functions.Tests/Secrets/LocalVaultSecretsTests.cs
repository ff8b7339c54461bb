namespace PenguinMails.Functions.Tests.Secrets;

/// <summary>The lifecycle contract against the local AES-GCM store on Azurite.</summary>
public sealed class LocalVaultSecretsTests(LocalVaultAppFactory factory) : SecretsLifecycleContract(factory), IClassFixture<LocalVaultAppFactory>;
