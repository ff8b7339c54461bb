using PenguinMails.Admin.Workflows;

namespace PenguinMails.Workflows.CrashHost;

/// <summary>
/// A core step (<see cref="IWorkflowActivity"/>, run by the app's <c>StepActivity</c>) with one effect made idempotent
/// the way the product's steps are, by <see cref="WorkflowActivityContext.IdempotencyKey"/>. Each run is recorded, and
/// the process may kill itself at either of the step's boundaries (<see cref="CrashPoint"/>).
/// </summary>
public abstract class LedgerStep(EffectLedger ledger, CrashPoint crash, WorkerIdentity worker) : IWorkflowActivity
{
    public async Task<object?> RunAsync(WorkflowActivityContext context, CancellationToken cancellationToken)
    {
        crash.At(CrashPoint.BeforeActivity, context.StepName, context.InstanceId);
        await ledger.RecordRunAsync(context.InstanceId, context.StepName, worker.Name, cancellationToken);
        var applied = await ledger.ApplyOnceAsync(context.InstanceId, context.StepName, context.IdempotencyKey, worker.Name, cancellationToken);
        crash.At(CrashPoint.AfterEffect, context.StepName, context.InstanceId);
        return new { worker = worker.Name, applied };
    }
}

public sealed class Reserve(EffectLedger ledger, CrashPoint crash, WorkerIdentity worker) : LedgerStep(ledger, crash, worker);

public sealed class Charge(EffectLedger ledger, CrashPoint crash, WorkerIdentity worker) : LedgerStep(ledger, crash, worker);

public sealed class Ship(EffectLedger ledger, CrashPoint crash, WorkerIdentity worker) : LedgerStep(ledger, crash, worker);
