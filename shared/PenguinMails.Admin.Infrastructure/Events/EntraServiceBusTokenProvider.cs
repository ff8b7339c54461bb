using Azure.Core;

namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>Microsoft Entra ID tokens (managed identity in Azure, through <see cref="TokenCredential"/>) for CBS.</summary>
public sealed class EntraServiceBusTokenProvider(TokenCredential credential) : IServiceBusTokenProvider
{
    public async Task<ServiceBusToken> GetTokenAsync(string audience, CancellationToken cancellationToken)
    {
        var token = await credential.GetTokenAsync(new TokenRequestContext([ServiceBusOptions.EntraScope]), cancellationToken);
        return new ServiceBusToken(ServiceBusToken.JwtType, token.Token, token.ExpiresOn);
    }
}
