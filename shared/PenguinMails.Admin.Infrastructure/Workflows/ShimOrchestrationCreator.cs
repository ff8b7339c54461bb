using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// Hands DTFx a fresh <see cref="ITaskOrchestrator"/> for each episode, wrapped by the SDK's shim factory into the
/// <see cref="TaskOrchestration"/> the core engine runs (the same bridge the Durable Functions worker uses).
/// </summary>
public sealed class ShimOrchestrationCreator : ObjectCreator<TaskOrchestration>
{
    private readonly IServiceProvider _services;
    private readonly DurableTaskShimFactory _shims;
    private readonly OrchestratorRegistration _registration;

    public ShimOrchestrationCreator(IServiceProvider services, DurableTaskShimFactory shims, OrchestratorRegistration registration)
    {
        _services = services;
        _shims = shims;
        _registration = registration;
        Name = registration.Name;
        Version = "";
    }

    public override TaskOrchestration Create() =>
        _shims.CreateOrchestration(_registration.Name, (ITaskOrchestrator)ActivatorUtilities.CreateInstance(_services, _registration.OrchestratorType));
}
