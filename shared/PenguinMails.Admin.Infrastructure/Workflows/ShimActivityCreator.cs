using DurableTask.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Worker.Shims;
using Microsoft.Extensions.DependencyInjection;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>Hands DTFx an <see cref="ITaskActivity"/> per run, wrapped by the SDK's shim factory.</summary>
public sealed class ShimActivityCreator : ObjectCreator<TaskActivity>
{
    private readonly IServiceProvider _services;
    private readonly DurableTaskShimFactory _shims;
    private readonly ActivityRegistration _registration;

    public ShimActivityCreator(IServiceProvider services, DurableTaskShimFactory shims, ActivityRegistration registration)
    {
        _services = services;
        _shims = shims;
        _registration = registration;
        Name = registration.Name;
        Version = "";
    }

    public override TaskActivity Create() =>
        _shims.CreateActivity(_registration.Name, (ITaskActivity)ActivatorUtilities.CreateInstance(_services, _registration.ActivityType));
}
