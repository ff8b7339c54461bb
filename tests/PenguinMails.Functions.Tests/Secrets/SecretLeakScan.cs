using System.Diagnostics.Tracing;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Azure.Core.Diagnostics;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Tests.Infrastructure;
using static PenguinMails.Functions.Tests.Secrets.SecretsRequests;

namespace PenguinMails.Functions.Tests.Secrets;

/// <summary>
/// Plants secret values, drives every path that handles them (including the failing ones), then searches
/// everything the app wrote outside the vault: every log line (its own, at Trace, and the Azure SDK's), every
/// row of every table it owns (the audit log included), and every error response.
/// </summary>
public static class SecretLeakScan
{
    public static async Task NoPlantedValue_LeaksAsync(AdminAppFactory factory, CapturingLoggerProvider logs)
    {
        var sdkLines = new List<string>();
        using var listener = new AzureEventSourceListener((_, message) => { lock (sdkLines) { sdkLines.Add(message); } }, EventLevel.Verbose);
        var (client, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SuperAdmin);
        var (name, first, second) = (NewName(), NewValue(), NewValue());
        var errors = new List<string>();

        await CreateAsync(client, name, first, new() { ["classification"] = "restricted" });
        await (await client.PutAsJsonAsync($"{Route}/{name}", new { value = second, reason = "rotation" })).ReadJsonAsync();
        Assert.Equal(second, await RevealValueAsync(client, name));
        errors.Add(await Failing(client.PostAsJsonAsync(Route, new { name, value = first })));
        errors.Add(await Failing(client.PostAsJsonAsync(Route, new { name = NewName(), value = first, tags = new { classification = "nope" } })));
        errors.Add(await Failing(client.PutAsJsonAsync($"{Route}/{name}", new { value = first, expiresOn = DateTimeOffset.UtcNow.AddDays(-1) })));
        errors.Add(await Failing(client.PatchAsJsonAsync($"{Route}/{name}", new { value = first })));
        errors.Add(await Failing(client.PostAsync(Route, new StringContent($"{{\"name\":\"{NewName()}\",\"value\":\"{first}", Encoding.UTF8, "application/json"))));
        errors.Add(await Failing(client.PostAsJsonAsync(Route, new { name = "bad_name", value = first })));
        errors.Add(await Failing(client.PostAsJsonAsync(Route, new { name = NewName(), value = first + new string('x', 26 * 1024) })));
        errors.Add(await Failing(RevealAsync(client, name, reason: null)));
        await DeleteAsync(client, name);
        await (await client.PostAsync($"{Route}/{name}/recover", null)).ReadJsonAsync();

        var storage = factory.Services.GetRequiredService<StorageClients>();
        var rows = new List<string>();
        foreach (var table in factory.Services.GetRequiredService<StorageResources>().Tables)
        {
            await foreach (var row in storage.Table(table).QueryAsync<TableEntity>())
            {
                rows.AddRange(row.Select(p => p.Value).Select(v => v is byte[] bytes ? Encoding.UTF8.GetString(bytes) : v?.ToString() ?? ""));
            }
        }
        Assert.Contains(rows, r => r.Contains(name, StringComparison.Ordinal));
        List<string> sdkSnapshot;
        lock (sdkLines)
        {
            // Background work (metric flushers, listeners) keeps logging while we search.
            sdkSnapshot = [.. sdkLines];
        }
        Assert.True(logs.Lines.Count > 0 && sdkSnapshot.Count > 0);
        foreach (var value in new[] { first, second })
        {
            Assert.DoesNotContain(logs.Lines, l => l.Contains(value, StringComparison.Ordinal));
            Assert.DoesNotContain(sdkSnapshot, l => l.Contains(value, StringComparison.Ordinal));
            Assert.DoesNotContain(rows, r => r.Contains(value, StringComparison.Ordinal));
            Assert.DoesNotContain(errors, e => e.Contains(value, StringComparison.Ordinal));
        }
    }

    private static async Task<string> Failing(Task<HttpResponseMessage> call)
    {
        var response = await call;
        Assert.True((int)response.StatusCode is >= 400 and < 500, $"expected a 4xx, got {(int)response.StatusCode}");
        return await response.Content.ReadAsStringAsync();
    }
}
