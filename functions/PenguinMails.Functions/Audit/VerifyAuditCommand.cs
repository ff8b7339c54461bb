using System.Text.Json;
using PenguinMails.Admin.Audit;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Audit;

/// <summary>
/// `verify-audit [--from &lt;time&gt;] [--to &lt;time&gt;]`: the auditor's check, the same as GET /api/audit/verify, printed
/// as JSON. Exits 0 when valid, 1 when a link is broken, 2 on bad arguments.
/// </summary>
public static class VerifyAuditCommand
{
    public static async Task<int> RunAsync(WebApplication app, string[] args)
    {
        var time = app.Services.GetRequiredService<TimeProvider>();
        if (!AuditRangeArguments.TryParse(args, out var from, out var to))
        {
            await Console.Error.WriteLineAsync("usage: verify-audit [--from <ISO 8601 time>] [--to <ISO 8601 time>]");
            return 2;
        }
        var end = to ?? time.GetUtcNow();
        var start = from ?? end - AuditApi.DefaultVerifyWindow;
        if (start > end)
        {
            await Console.Error.WriteLineAsync("error: --from must not be after --to.");
            return 2;
        }
        await CommandLine.InitializeStorageAsync(app);
        var result = await app.Services.GetRequiredService<IAuditLog>().VerifyAsync(start, end);
        Console.WriteLine(JsonSerializer.Serialize(AuditVerificationResponse.From(result, start, end),
            new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
        return result.Valid ? 0 : 1;
    }
}
