namespace PenguinMails.Functions.Tests.Secrets;

/// <summary>The reveal contract, and the leak scan, against the local store.</summary>
public sealed class LocalVaultRevealTests(LocalVaultAppFactory factory) : SecretsRevealContract(factory), IClassFixture<LocalVaultAppFactory>
{
    [Fact]
    public Task NoSecretValue_AppearsInLogsStorageRowsOrErrorResponses() => SecretLeakScan.NoPlantedValue_LeaksAsync(factory, factory.Logs);
}
