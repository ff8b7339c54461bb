namespace PenguinMails.Functions.Tests.Infrastructure;

/// <summary>The app wired to a <see cref="FakeOidcIssuer"/> served over HTTP in the test process.</summary>
public sealed class OidcAppFactory : IAsyncLifetime
{
    public FakeOidcIssuer Issuer { get; private set; } = null!;
    public AdminAppFactory App { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Issuer = await FakeOidcIssuer.StartAsync();
        var settings = Issuer.AppSettings();
        settings["Auth:Oidc:KeyRefreshInterval"] = "00:00:01";
        App = AdminAppFactory.WithSettings(settings);
        _ = App.Server;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Issuer.DisposeAsync();
    }
}
