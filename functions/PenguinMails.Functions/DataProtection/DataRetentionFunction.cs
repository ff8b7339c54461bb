using PenguinMails.Admin.DataProtection;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.DataProtection;

/// <summary>Daily: enforces the retention in the <c>data-protection</c> settings (audit events are archived to Blob before deletion).</summary>
public sealed class DataRetentionFunction(RetentionRunner runner) : ITriggeredFunction
{
    public const string Name = "DataRetention";
    public const string Schedule = "0 30 3 * * *";

    public async Task RunAsync(TriggerInvocation invocation, CancellationToken cancellationToken)
    {
        foreach (var result in await runner.RunAsync(cancellationToken))
        {
            invocation.Logs.Add($"{result.Name}: archived {result.Archived}, deleted {result.Deleted}{(result.Note is null ? "" : " (" + result.Note + ")")}");
        }
    }
}
