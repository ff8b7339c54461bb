using PenguinMails.Admin.Monitoring;
using PenguinMails.Functions.Hosting;

namespace PenguinMails.Functions.Monitoring;

/// <summary>The function registry as monitoring sees it. Endpoints are fixed once the app runs, so it is read once.</summary>
public sealed class CatalogMonitoredFunctions(FunctionCatalog catalog) : IMonitoredFunctions
{
    private readonly Lazy<IReadOnlyList<MonitoredFunction>> _all = new(() => catalog.Build()
        .Select(f => new MonitoredFunction(f.Name, f.Kind switch
        {
            FunctionKind.Http => MonitoredFunction.Http,
            FunctionKind.Timer => "timer",
            FunctionKind.Queue => "queue",
            _ => "service-bus",
        }))
        .ToList());

    public IReadOnlyList<MonitoredFunction> All() => _all.Value;
}
