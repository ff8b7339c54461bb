using System.Net;
using System.Net.Http.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.DataProtection;

/// <summary>The daily retention run deletes Idempotency-Key records past their 24 hours and keeps the live ones.</summary>
public sealed class IdempotencyKeyRetentionTests(ClockedAppFactory factory) : IClassFixture<ClockedAppFactory>
{
    private static HttpRequestMessage CreateTenant(string key, string name) =>
        new(HttpMethod.Post, "/api/tenants")
        {
            Headers = { { "Idempotency-Key", key } },
            Content = JsonContent.Create(new { name, primaryDomain = name.ToLowerInvariant() + ".example", plan = "starter", ownerEmail = "owner@" + name.ToLowerInvariant() + ".example" }),
        };

    [Fact]
    public async Task KeysOlderThan24Hours_AreDeleted_AndALiveKeyStillReplays()
    {
        var table = factory.Services.GetRequiredService<StorageClients>().Table(TableIdempotencyStore.TableName);
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(CreateTenant(Guid.NewGuid().ToString(), "Old" + Guid.NewGuid().ToString("N")[..8]))).StatusCode);
        factory.Clock.Advance(TimeSpan.FromHours(25));
        (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var live = Guid.NewGuid().ToString();
        var name = "Live" + Guid.NewGuid().ToString("N")[..8];
        Assert.Equal(HttpStatusCode.Created, (await client.SendAsync(CreateTenant(live, name))).StatusCode);
        Assert.Equal(2, table.Query<TableEntity>().Count());

        var dispatcher = factory.Services.GetRequiredService<TriggerDispatcher>();
        var log = string.Join('\n', (await dispatcher.DispatchAsync(dispatcher.Find("DataRetention")!, """{"IsPastDue":false}""", 1, CancellationToken.None)).Logs);

        Assert.Contains("idempotencyKeys: archived 0, deleted 1", log);
        Assert.Single(table.Query<TableEntity>());
        var replay = await client.SendAsync(CreateTenant(live, name));
        Assert.Equal("true", replay.Headers.GetValues("Idempotent-Replayed").Single());
    }
}
