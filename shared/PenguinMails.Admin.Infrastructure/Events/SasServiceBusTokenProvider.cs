using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace PenguinMails.Admin.Infrastructure.Events;

/// <summary>Shared Access Signature tokens signed with a namespace or entity key, as Service Bus defines them.</summary>
public sealed class SasServiceBusTokenProvider(string keyName, string key, TimeProvider time, TimeSpan? lifetime = null) : IServiceBusTokenProvider
{
    private readonly TimeSpan _lifetime = lifetime ?? TimeSpan.FromHours(1);

    public Task<ServiceBusToken> GetTokenAsync(string audience, CancellationToken cancellationToken)
    {
        var expires = time.GetUtcNow() + _lifetime;
        var resource = WebUtility.UrlEncode(audience);
        var expiry = expires.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(key), Encoding.UTF8.GetBytes(resource + "\n" + expiry)));
        var value = $"SharedAccessSignature sr={resource}&sig={WebUtility.UrlEncode(signature)}&se={expiry}&skn={WebUtility.UrlEncode(keyName)}";
        return Task.FromResult(new ServiceBusToken(ServiceBusToken.SasType, value, expires));
    }
}
