using DurableTask.Core;
using Microsoft.DurableTask.Worker;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// The Durable Task worker, hosted in the app process (standalone and under the Functions host alike): it polls the
/// task hub's queues and runs the registered orchestrators and activities. The command-line modes never start it.
/// </summary>
public sealed class WorkflowWorker(
    DurableTaskHub hub,
    IServiceProvider services,
    IEnumerable<OrchestratorRegistration> orchestrators,
    IEnumerable<ActivityRegistration> activities,
    DurableWorkflowOptions options,
    ILoggerFactory loggers) : IHostedService
{
    private TaskHubWorker? _worker;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await hub.EnsureCreatedAsync();
        if (!options.RunWorker)
        {
            return;
        }
        var shims = new DurableTaskShimFactory(new DurableTaskWorkerOptions { DataConverter = DurableTaskHub.Converter }, loggers);
        _worker = new TaskHubWorker(hub.Service, loggers)
        {
            // The SDK's shims read failures as FailureDetails, not as serialized exceptions.
            ErrorPropagationMode = ErrorPropagationMode.UseFailureDetails,
        };
        _worker.AddTaskOrchestrations([.. orchestrators.Select(o => (ObjectCreator<TaskOrchestration>)new ShimOrchestrationCreator(services, shims, o))]);
        _worker.AddTaskActivities([.. activities.Select(a => (ObjectCreator<TaskActivity>)new ShimActivityCreator(services, shims, a))]);
        await _worker.StartAsync();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_worker is not null)
        {
            // Not graceful: a stopping app does not wait for running work; DTFx redelivers what was not checkpointed.
            await _worker.StopAsync(isForced: true);
        }
    }
}
