using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Security.KeyVault.Secrets;

namespace PenguinMails.Admin.Infrastructure.Secrets;

/// <summary>Builds the <see cref="SecretClient"/>: challenge-based bearer auth, exponential retries, and no content logging.</summary>
public static class KeyVaultClientFactory
{
    public static SecretClient Create(KeyVaultOptions options, TokenCredential credential, HttpPipelineTransport? transport = null)
    {
        if (options.Uri is null)
        {
            throw new InvalidOperationException("Vault__Uri is not set. Secrets__Kind=KeyVault needs the vault's URI (https://<name>.vault.azure.net/).");
        }
        var clientOptions = new SecretClientOptions { DisableChallengeResourceVerification = options.DisableChallengeResourceVerification };
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = options.MaxRetryDelay;
        // Request and response bodies carry secret values: never log them, whatever the diagnostics defaults become.
        clientOptions.Diagnostics.IsLoggingContentEnabled = false;
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }
        return new SecretClient(options.Uri, credential, clientOptions);
    }
}
