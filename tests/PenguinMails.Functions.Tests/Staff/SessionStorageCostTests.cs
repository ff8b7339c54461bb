using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Staff;

/// <summary>What an authenticated request costs in storage calls (counted, not timed).</summary>
public sealed class SessionStorageCostTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly AdminAppFactory _app;

    public SessionStorageCostTests() => _app = new AdminAppFactory { Time = _time };

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AnAuthenticatedRequest_ReadsStorageOnce_AndTouchesTheSessionAtMostOncePerMinute()
    {
        var (client, _) = await TestStaff.SignInAsync(_app, RoleCatalog.Auditor);
        var counter = _app.Services.GetRequiredService<StorageCallCounter>();
        async Task<long> CallsOfOneRequestAsync()
        {
            var before = counter.Calls;
            (await client.GetAsync("/api/roles")).EnsureSuccessStatusCode();
            return counter.Calls - before;
        }
        await CallsOfOneRequestAsync();

        Assert.Equal(1, await CallsOfOneRequestAsync());
        _time.Advance(TimeSpan.FromSeconds(50));
        Assert.Equal(1, await CallsOfOneRequestAsync());
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Equal(2, await CallsOfOneRequestAsync());
        Assert.Equal(1, await CallsOfOneRequestAsync());
    }
}
