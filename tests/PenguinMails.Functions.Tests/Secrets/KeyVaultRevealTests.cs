namespace PenguinMails.Functions.Tests.Secrets;

/// <summary>The reveal contract, and the leak scan, against the Key Vault adapter.</summary>
public sealed class KeyVaultRevealTests(KeyVaultAppFactory factory) : SecretsRevealContract(factory), IClassFixture<KeyVaultAppFactory>
{
    [Fact]
    public Task NoSecretValue_AppearsInLogsStorageRowsOrErrorResponses() => SecretLeakScan.NoPlantedValue_LeaksAsync(factory, factory.Logs);
}
