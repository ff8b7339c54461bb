using Azure.Core;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Secrets.Fakes;

namespace PenguinMails.Functions.Tests.Secrets;

/// <summary>The app with the Key Vault adapter, talking over HTTPS to an in-process fake of Key Vault.</summary>
public sealed class KeyVaultAppFactory : AdminAppFactory
{
    public KeyVaultAppFactory()
        : this(FakeKeyVault.Start())
    {
    }

    private KeyVaultAppFactory(FakeKeyVault vault)
        : base(SecretsSettings.Common(new Dictionary<string, string?>
        {
            ["Secrets:Kind"] = "KeyVault",
            ["Vault:Uri"] = vault.Uri.ToString(),
            // The fake's challenge names https://vault.azure.net, which is not 127.0.0.1.
            ["Vault:DisableChallengeResourceVerification"] = "true",
            ["Vault:RetryDelay"] = "00:00:00.050",
            ["Vault:MaxRetries"] = "3",
        }))
    {
        Vault = vault;
        WithServices(services =>
        {
            services.AddKeyedSingleton<TokenCredential>(SecretsServiceCollectionExtensions.KeyVaultServiceKey, vault.Credential);
            services.AddKeyedSingleton(SecretsServiceCollectionExtensions.KeyVaultServiceKey, vault.CreateTransport());
            SecretsSettings.CaptureLogs(services, Logs);
        });
    }

    public FakeKeyVault Vault { get; }

    public CapturingLoggerProvider Logs { get; } = new();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Vault.DisposeAsync();
    }
}
