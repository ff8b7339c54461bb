using System.Collections.Concurrent;
using Azure.Core;

namespace PenguinMails.Functions.Tests.Secrets.Fakes;

/// <summary>
/// Stands in for Entra ID: issues opaque bearer tokens and records what each was asked for (scope and tenant), so
/// the fake vault can accept exactly the tokens issued for it and tests can check the challenge flow.
/// </summary>
public sealed class FakeKeyVaultCredential : TokenCredential
{
    private readonly ConcurrentDictionary<string, TokenRequestContext> _issued = new();

    public IReadOnlyCollection<TokenRequestContext> Requests => _issued.Values.ToList();

    public bool WasIssued(string token, out TokenRequestContext context) => _issued.TryGetValue(token, out context);

    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var token = "fake-kv-" + Guid.NewGuid().ToString("N");
        _issued[token] = requestContext;
        return new AccessToken(token, DateTimeOffset.UtcNow.AddHours(1));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}
