using System.Net;
using System.Net.Http.Json;
using Azure.Security.KeyVault.Secrets;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Infrastructure.Secrets;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Secrets;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using PenguinMails.Functions.Tests.Secrets.Fakes;
using static PenguinMails.Functions.Tests.Secrets.SecretsRequests;

namespace PenguinMails.Functions.Tests.Secrets;

/// <summary>What is particular to the Key Vault adapter: the bearer challenge, TLS, throttling, and how it reads metadata.</summary>
public sealed class KeyVaultAdapterTests(KeyVaultAppFactory factory) : IClassFixture<KeyVaultAppFactory>
{
    private FakeKeyVault Vault => factory.Vault;

    [Fact]
    public async Task TheClient_AnswersTheBearerChallenge_WithATokenForTheVaultResourceAndTenant()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        await CreateAsync(client, NewName(), NewValue());

        Assert.True(Vault.Challenges >= 1);
        Assert.Contains(Vault.Credential.Requests, r => r.Scopes.SequenceEqual(["https://vault.azure.net/.default"]) && r.TenantId == FakeKeyVault.TenantId);
        Assert.Contains(Vault.Requests, r => r.StartsWith("PUT /secrets/", StringComparison.Ordinal) && r.EndsWith(" 200", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ListingAndReadingMetadata_NeverFetchesAValue()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var name = NewName();
        await CreateAsync(client, name, NewValue());
        await Task.Delay(1100); // a later second, so the newest version is unambiguous from metadata alone
        await (await client.PutAsJsonAsync($"{Route}/{name}", new { value = NewValue() })).ReadJsonAsync();
        var before = Vault.Requests.Count;

        await (await client.GetAsync(Route)).ReadJsonAsync();
        await (await client.GetAsync($"{Route}/{name}")).ReadJsonAsync();
        await (await client.GetAsync($"{Route}/{name}/versions")).ReadJsonAsync();

        var calls = Vault.Requests.Skip(before).ToList();
        Assert.DoesNotContain(calls, c => c.StartsWith($"GET /secrets/{name}/", StringComparison.Ordinal) && !c.Contains("/versions", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Throttling_IsRetriedWithBackoff_UntilItSucceeds()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var name = NewName();
        await CreateAsync(client, name, NewValue());
        Vault.ThrottleNext(2);

        await (await client.GetAsync($"{Route}/{name}")).ReadJsonAsync();
        Assert.Equal(2, Vault.Requests.Count(r => r.EndsWith(" 429", StringComparison.Ordinal) && r.Contains(name, StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ThrottlingThatOutlastsTheRetries_IsRateLimitedWithRetryAfter()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        Vault.ThrottleNext(10);
        try
        {
            var response = await client.GetAsync($"{Route}/{NewName()}");
            await response.AssertProblemAsync(HttpStatusCode.TooManyRequests, "rate_limited");
            Assert.NotNull(response.Headers.RetryAfter);
        }
        finally
        {
            Vault.ThrottleNext(0);
        }
    }

    [Fact]
    public async Task WithResourceVerificationOn_TheClientRefusesAChallengeFromAnotherDomain()
    {
        var options = new KeyVaultOptions { Uri = Vault.Uri, MaxRetries = 0 };
        var client = KeyVaultClientFactory.Create(options, Vault.Credential, Vault.CreateTransport());
        var vault = new KeyVaultSecretVault(client, factory.Services.GetRequiredService<CursorCodec>(), options);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => vault.GetAsync(NewName()));
        Assert.Contains("challenge", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnUntrustedCertificate_IsRefused()
    {
        var options = new KeyVaultOptions { Uri = Vault.Uri, MaxRetries = 0, DisableChallengeResourceVerification = true };
        var client = KeyVaultClientFactory.Create(options, Vault.Credential, new Azure.Core.Pipeline.HttpClientTransport(new HttpClientHandler()));
        var vault = new KeyVaultSecretVault(client, factory.Services.GetRequiredService<CursorCodec>(), options);

        await Assert.ThrowsAsync<AdminException>(() => vault.GetAsync(NewName()));
    }

    [Fact]
    public async Task PurgeProtection_LeavesDeletedSecretsForTheVaultToPurgeOnSchedule()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var name = NewName();
        await CreateAsync(client, name, NewValue());
        await DeleteAsync(client, name);
        Vault.PurgeProtection = true;
        try
        {
            var purged = await factory.Services.GetRequiredService<ISecretVault>().PurgeDueAsync(DateTimeOffset.UtcNow.AddDays(91));
            Assert.DoesNotContain(name, purged);
            Assert.Contains(await ListAllAsync(client, "/api/admin/deleted-secrets"), i => i.GetProperty("name").GetString() == name);
        }
        finally
        {
            Vault.PurgeProtection = false;
        }
    }

    [Fact]
    public async Task TheVaultReceivesTheValue_AndTheDescriptionNamesTheVault()
    {
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SecurityOfficer);
        var (name, value) = (NewName(), NewValue());
        await CreateAsync(client, name, value);

        Assert.Equal(value, Vault.Routes.LatestValue(name));
        var description = factory.Services.GetRequiredService<ISecretVault>().Description;
        Assert.Equal("key-vault", description.Provider);
        Assert.Equal("127.0.0.1", description.KeyId);
        Assert.IsType<SecretClient>(factory.Services.GetRequiredService<SecretClient>());
    }
}
