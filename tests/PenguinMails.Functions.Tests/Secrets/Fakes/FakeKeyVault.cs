using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PenguinMails.Functions.Tests.Secrets.Fakes;

/// <summary>
/// An in-process fake of the Key Vault secrets REST API, served by Kestrel over HTTPS on 127.0.0.1 with a
/// self-signed certificate. Like the real service it answers an unauthenticated request with a bearer challenge
/// (authorization and resource), and accepts only tokens its <see cref="Credential"/> issued for that resource and
/// tenant. It can throttle (429 with Retry-After) and refuse purges (purge protection).
/// </summary>
public sealed class FakeKeyVault : IAsyncDisposable
{
    public const string TenantId = "8f0a7c1e-0000-4000-8000-00000000a11c";
    public const string Resource = "https://vault.azure.net";
    private readonly WebApplication _app;
    private int _throttle;
    private int _challenges;

    private FakeKeyVault(X509Certificate2 certificate)
    {
        Certificate = certificate;
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        _app = builder.Build();
        _app.Use(AuthenticateAndThrottleAsync);
        Routes = new FakeKeyVaultRoutes(this);
        Routes.Map(_app);
    }

    public X509Certificate2 Certificate { get; }
    public FakeKeyVaultCredential Credential { get; } = new();
    public Uri Uri { get; private set; } = null!;
    public FakeKeyVaultRoutes Routes { get; }
    public ConcurrentQueue<string> Requests { get; } = new();
    public int Challenges => _challenges;
    public bool PurgeProtection { get; set; }

    public static FakeKeyVault Start()
    {
        var vault = new FakeKeyVault(SelfSignedCertificate.ForLoopback());
        vault._app.StartAsync().GetAwaiter().GetResult();
        var address = vault._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        vault.Uri = new Uri(address.Replace("[::1]", "127.0.0.1", StringComparison.Ordinal).TrimEnd('/') + "/");
        return vault;
    }

    /// <summary>An Azure SDK transport that trusts exactly this fake's certificate (pinned by thumbprint).</summary>
    public HttpPipelineTransport CreateTransport() => new HttpClientTransport(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == Certificate.Thumbprint,
    });

    /// <summary>The next <paramref name="count"/> authenticated requests get 429 Too Many Requests.</summary>
    public void ThrottleNext(int count) => Interlocked.Exchange(ref _throttle, count);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private async Task AuthenticateAndThrottleAsync(HttpContext context, RequestDelegate next)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        if (token is null || !Credential.WasIssued(token, out var issuedFor)
            || !issuedFor.Scopes.Contains(Resource + "/.default") || issuedFor.TenantId != TenantId)
        {
            Interlocked.Increment(ref _challenges);
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path} 401");
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate =
                $"Bearer authorization=\"https://login.microsoftonline.com/{TenantId}\", resource=\"{Resource}\"";
            return;
        }
        if (Interlocked.Decrement(ref _throttle) >= 0)
        {
            Requests.Enqueue($"{context.Request.Method} {context.Request.Path} 429");
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "1";
            await context.Response.WriteAsJsonAsync(FakeKeyVaultJson.Error("Throttled", "Request was not processed because too many requests were received."));
            return;
        }
        Interlocked.Exchange(ref _throttle, 0);
        await next(context);
        Requests.Enqueue($"{context.Request.Method} {context.Request.Path} {context.Response.StatusCode}");
    }

    internal static IResult Json(JsonNode body, int status = 200) => Results.Text(body.ToJsonString(), "application/json", statusCode: status);
}
