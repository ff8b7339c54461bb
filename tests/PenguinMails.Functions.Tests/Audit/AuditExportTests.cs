using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Security;
using PenguinMails.Functions.Hosting;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Audit;

/// <summary>GET /api/audit/export (CSV and JSON Lines, streamed and audited) and the nightly JSONL export to Blob storage.</summary>
public sealed class AuditExportTests(AdminAppFactory factory) : IClassFixture<AdminAppFactory>
{
    private async Task<(HttpClient Auditor, DateTimeOffset From)> SeedAsync(string reason)
    {
        var from = DateTimeOffset.UtcNow.AddSeconds(-1);
        var (admin, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Admin);
        for (var i = 0; i < 3; i++)
        {
            (await admin.PostAsJsonAsync("/api/staff", new { email = $"x{i}-{Guid.NewGuid():N}@penguinmails.test", displayName = "X", roles = new[] { "auditor" }, reason }))
                .EnsureSuccessStatusCode();
        }
        var (auditor, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Auditor);
        return (auditor, from);
    }

    private static string Range(DateTimeOffset from) => $"from={Uri.EscapeDataString(from.ToString("O"))}";

    [Fact]
    public async Task JsonLinesExport_StreamsEachEventWithItsChainFields_AndIsItselfAudited()
    {
        var reason = "export-test-" + Guid.NewGuid().ToString("N");
        var (auditor, from) = await SeedAsync(reason);

        var response = await auditor.GetAsync($"/api/audit/export?format=jsonl&{Range(from)}");
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var lines = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement).Where(e => e.GetProperty("reason").GetString() == reason).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, e =>
        {
            Assert.Equal("staff.create", e.GetProperty("action").GetString());
            Assert.Equal(64, e.GetProperty("hash").GetString()!.Length);
            Assert.Equal(64, e.GetProperty("previousHash").GetString()!.Length);
            Assert.True(e.GetProperty("sequence").GetInt64() > 0);
        });

        var audited = await (await auditor.GetAsync("/api/audit?action=audit.export")).ReadJsonAsync();
        Assert.Contains(audited.GetProperty("items").EnumerateArray(), e => e.GetProperty("after").GetProperty("format").GetString() == "jsonl");
    }

    [Fact]
    public async Task CsvExport_HasAHeader_AndEscapesCellsASpreadsheetWouldRun()
    {
        var (auditor, from) = await SeedAsync("=HYPERLINK(\"http://evil.example\",\"click\")");
        var response = await auditor.GetAsync($"/api/audit/export?format=csv&{Range(from)}");
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync();
        Assert.StartsWith("id,time,actorId,actorEmail,action,", text, StringComparison.Ordinal);
        Assert.Contains("\"'=HYPERLINK(", text);
        Assert.DoesNotContain(",=HYPERLINK", text);
    }

    [Fact]
    public async Task Export_RejectsAnUnknownFormatOrAnInvertedRange()
    {
        var (auditor, _) = await TestStaff.SignInAsync(factory, RoleCatalog.Auditor);
        await (await auditor.GetAsync("/api/audit/export?format=xlsx")).AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await (await auditor.GetAsync("/api/audit/export?from=2026-11-02T00:00:00Z&to=2026-11-01T00:00:00Z"))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        var (agent, _) = await TestStaff.SignInAsync(factory, RoleCatalog.SupportAgent);
        await (await agent.GetAsync("/api/audit/export")).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task NightlyExport_WritesYesterdaysEventsAsJsonLinesToBlob_AndARerunWritesTheSameFile()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 23, 50, 0, TimeSpan.Zero));
        await using var app = new AdminAppFactory { Time = clock };
        var (admin, _) = await TestStaff.SignInAsync(app, RoleCatalog.Admin);
        for (var i = 0; i < 2; i++)
        {
            (await admin.PostAsJsonAsync("/api/staff", new { email = $"n{i}-{Guid.NewGuid():N}@penguinmails.test", displayName = "N", roles = new[] { "auditor" } }))
                .EnsureSuccessStatusCode();
        }
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 0, 10, 0, TimeSpan.Zero));
        (await admin.PostAsJsonAsync("/api/staff", new { email = $"late-{Guid.NewGuid():N}@penguinmails.test", displayName = "L", roles = new[] { "auditor" } }))
            .EnsureSuccessStatusCode();
        clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 0, 30, 0, TimeSpan.Zero));

        var dispatcher = app.Services.GetRequiredService<TriggerDispatcher>();
        var run = await dispatcher.DispatchAsync(dispatcher.Find("NightlyAuditExport")!, "{}", 1, CancellationToken.None);
        Assert.Contains("Exported 2 audit events of 2026-11-22", Assert.Single(run.Logs));

        var blob = app.Services.GetRequiredService<StorageClients>().Container(BlobAuditArchive.Container)
            .GetBlobClient(BlobAuditArchive.BlobName(new DateOnly(2026, 11, 22)));
        var first = (await blob.DownloadContentAsync()).Value;
        var lines = first.Content.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("2026-11-22", JsonDocument.Parse(l).RootElement.GetProperty("partition").GetString(), StringComparison.Ordinal));
        Assert.Equal("2", first.Details.Metadata["events"]);

        await dispatcher.DispatchAsync(dispatcher.Find("NightlyAuditExport")!, "{}", 1, CancellationToken.None);
        Assert.Equal(first.Content.ToString(), (await blob.DownloadContentAsync()).Value.Content.ToString());
    }
}
