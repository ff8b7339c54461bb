using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure.Audit;
using PenguinMails.Admin.Infrastructure.Storage;
using PenguinMails.Admin.Secrets;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Audit;

/// <summary>The nightly export carries the digests, and scripts/verify_audit_export.py verifies a day offline.</summary>
public sealed class OfflineAuditVerificationTests
{
    private sealed record Export(string Events, string Digests, string Key);

    private static async Task<Export> ExportADayAsync(string folder)
    {
        await using var app = await AuditTamperApp.StartAsync(new DateTimeOffset(2026, 11, 22, 22, 30, 0, TimeSpan.Zero));
        await app.AppendChangesAsync(4, "evening");
        app.Clock.Advance(TimeSpan.FromMinutes(40));
        await app.AppendChangesAsync(3, "late");
        await app.WriteDigestAsync();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 0, 10, 0, TimeSpan.Zero));
        await app.AppendChangesAsync(1, "after-midnight");
        await app.WriteDigestAsync();
        app.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 23, 0, 30, 0, TimeSpan.Zero));
        Assert.Contains("of 2026-11-22", await app.RunFunctionAsync("NightlyAuditExport"));

        var container = app.App.Services.GetRequiredService<StorageClients>().Container(BlobAuditArchive.Container);
        var day = new DateOnly(2026, 11, 22);
        var events = Path.Combine(folder, "events.jsonl");
        var digests = Path.Combine(folder, "digests.jsonl");
        await container.GetBlobClient(BlobAuditArchive.BlobName(day)).DownloadToAsync(events);
        await container.GetBlobClient(BlobAuditArchive.DigestsBlobName(day)).DownloadToAsync(digests);
        var options = app.App.Services.GetRequiredService<AuditOptions>();
        var keyId = AuditDigestLine.Parse(File.ReadLines(digests).First()).KeyId;
        var key = await app.App.Services.GetRequiredService<ISecretVault>().GetValueAsync(options.DigestKeyName, keyId);
        return new Export(events, digests, $"{keyId}={key}");
    }

    private static async Task<(int ExitCode, string Output)> RunScriptAsync(params string[] args)
    {
        var start = new ProcessStartInfo("python3") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryFiles.PathOf("scripts", "verify_audit_export.py"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(1));
        return (process.ExitCode, await output + await error);
    }

    private static string NewFolder() => Directory.CreateTempSubdirectory("audit-offline-").FullName;

    [Fact]
    public async Task AnExportedDay_VerifiesOffline_WithTheVaultKey()
    {
        var export = await ExportADayAsync(NewFolder());
        Assert.True(File.ReadAllLines(export.Events).Length >= 7);
        Assert.True(File.ReadAllLines(export.Digests).Length >= 2);

        var (code, output) = await RunScriptAsync(export.Events, export.Digests, "--day", "2026-11-22", "--key", export.Key);
        Assert.True(code == 0, output);
        Assert.Contains("\"signatures\": \"checked\"", output);
    }

    [Fact]
    public async Task AnEditedExportLine_OrAnotherKey_FailsOfflineVerification()
    {
        var export = await ExportADayAsync(NewFolder());
        var (wrongKey, wrongOutput) = await RunScriptAsync(export.Events, export.Digests, "--key", export.Key.Split('=')[0] + "=" + Convert.ToBase64String(new byte[32]));
        Assert.Equal(1, wrongKey);
        Assert.Contains("digest_signature_bad", wrongOutput);

        var lines = File.ReadAllLines(export.Events);
        var victim = Array.FindIndex(lines, l => l.Contains("\"reason\":\"test 2\"", StringComparison.Ordinal));
        lines[victim] = lines[victim].Replace("\"reason\":\"test 2\"", "\"reason\":\"nothing happened\"", StringComparison.Ordinal);
        File.WriteAllLines(export.Events, lines);
        var (edited, editedOutput) = await RunScriptAsync(export.Events, export.Digests, "--key", export.Key);
        Assert.Equal(1, edited);
        Assert.Contains("edited_event", editedOutput);

        File.WriteAllLines(export.Events, lines.SkipLast(1));
        var (truncated, truncatedOutput) = await RunScriptAsync(export.Events, export.Digests, "--key", export.Key);
        Assert.Equal(1, truncated);
        Assert.Contains("\"valid\": false", truncatedOutput);
    }
}
