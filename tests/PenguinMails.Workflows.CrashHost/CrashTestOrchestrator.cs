using System.Text.Json;
using PenguinMails.Admin.Infrastructure.Workflows;

namespace PenguinMails.Workflows.CrashHost;

/// <summary>The app's orchestrator base running <see cref="CrashTestWorkflow"/>'s steps, as the product's orchestrators do.</summary>
public sealed class CrashTestOrchestrator(DurableWorkflowOptions options, WorkerIdentity worker, CrashPoint crash) : WorkflowOrchestrator(options)
{
    protected override string Type => CrashTestWorkflow.Type;

    protected override async Task RunStepsAsync(WorkflowSteps steps)
    {
        var input = steps.Envelope.Input?.Deserialize<CrashTestInput>(JsonSerializerOptions.Web)
            ?? throw new InvalidOperationException("The crash-test workflow needs its input.");
        // Every episode replays from the start, so this is one line per episode, on the worker that ran it: the tests
        // read which workers advanced an instance. Writing to stdout changes nothing the replay depends on.
        Console.Out.WriteLine($"episode {input.Label} {worker.Name} {DateTime.UtcNow:HH:mm:ss.fff}");
        await steps.RunAsync<Reserve>();
        // The first time this process gets here for the instance is the live episode (it ran the earlier ones), not a replay.
        crash.At(CrashPoint.BeforeCheckpoint, nameof(Charge), input.Label);
        await steps.RunAsync<Charge>();
        await steps.WaitAsync(CrashTestWorkflow.Hold, CrashTestWorkflow.Release, input.HoldSeconds is { } seconds ? TimeSpan.FromSeconds(seconds) : null);
        await steps.RunAsync<Ship>();
    }
}
