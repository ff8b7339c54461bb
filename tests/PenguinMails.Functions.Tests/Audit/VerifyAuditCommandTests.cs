using PenguinMails.Admin.Audit;
using PenguinMails.Functions.Tests.Infrastructure;

namespace PenguinMails.Functions.Tests.Audit;

/// <summary>`verify-audit`, the auditor's command: the same verification as the API, exit code 0 when valid and 1 when broken.</summary>
public sealed class VerifyAuditCommandTests
{
    [Fact]
    public async Task VerifyAudit_ExitsZeroOnAnIntactLog_AndOneWithTheReasonAfterAnEdit()
    {
        await using var app = await AuditTamperApp.StartAsync();
        var events = await app.AppendChangesAsync(5);
        await app.WriteDigestAsync();
        string[] range = ["verify-audit", "--from", "2026-11-19T00:00:00Z", "--to", "2026-11-21T00:00:00Z"];

        var (exit, output, error) = await AppProcess.RunAsync(app.App.StoragePrefix, range);
        Assert.True(exit == 0, output + error);
        Assert.Contains("\"valid\": true", output);
        Assert.Contains("\"digests\": 1", output);

        var row = await app.RowOfAsync(events[2]);
        row["TargetId"] = "someone-else";
        await app.Chain.UpdateEntityAsync(row, row.ETag);
        (exit, output, error) = await AppProcess.RunAsync(app.App.StoragePrefix, range);
        Assert.True(exit == 1, output + error);
        Assert.Contains(AuditBreakReasons.EditedEvent, output);
        Assert.Contains(events[2].Id, output);
    }
}
