using PenguinMails.Admin.Audit;
using PenguinMails.Admin.Security;

namespace PenguinMails.Admin.DataProtection;

/// <summary>
/// The daily retention run: reads the settings in force, runs every target, and audits what each did. A target
/// that fails doesn't stop the others; the run reports it and fails afterwards, so the timer is retried.
/// </summary>
public sealed class RetentionRunner(IEnumerable<IRetentionTarget> targets, DataProtectionService settings, IAuditLog audit, TimeProvider time)
{
    public async Task<IReadOnlyList<RetentionResult>> RunAsync(CancellationToken cancellationToken = default)
    {
        var retention = (await settings.GetAsync(cancellationToken)).Value.RetentionDays;
        var now = time.GetUtcNow();
        var results = new List<RetentionResult>();
        var failures = new List<Exception>();
        foreach (var target in targets)
        {
            try
            {
                results.Add(await target.EnforceAsync(retention, now, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                failures.Add(e);
                results.Add(new RetentionResult(target.Name, 0, 0, "failed: " + e.GetType().Name));
            }
        }
        var unenforced = DataClasses.All.Where(c => results.All(r => r.Name != c)).ToList();
        await audit.AppendAsync(new AuditEntry(Actor.System("data-retention"), AuditActions.DataRetentionRun, "settings", DataProtectionService.Section,
            After: AuditEntry.Snapshot(new { retention, results, unenforced }), Outcome: failures.Count == 0 ? "success" : "failure"), cancellationToken);
        if (failures.Count > 0)
        {
            throw new AggregateException("Some retention targets failed.", failures);
        }
        return results.Concat(unenforced.Select(c => new RetentionResult(c, 0, 0, "no store of this class is registered in this build"))).ToList();
    }
}
