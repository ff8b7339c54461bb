using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Infrastructure;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Workflows.CrashHost;

/// <summary>
/// The crash tests' workflow: Reserve → Charge → Hold (wait for <see cref="Release"/>, or a durable timer of the input's
/// <c>holdSeconds</c>) → Ship. Each activity has one effect; the wait gives a boundary where the worker holds nothing.
/// </summary>
public static class CrashTestWorkflow
{
    public const string Type = "crash-test";
    public const string Hold = "Hold";
    public const string Release = "Release";

    public static WorkflowDefinition Definition { get; } = new(Type, [nameof(Reserve), nameof(Charge), Hold, nameof(Ship)]);

    public static IReadOnlyList<string> Activities { get; } = [nameof(Reserve), nameof(Charge), nameof(Ship)];

    public static IServiceCollection AddCrashTestWorkflow(this IServiceCollection services)
    {
        services.AddSingleton<EffectLedger>();
        return services.AddOrchestrator<CrashTestOrchestrator>(Definition)
            .AddActivity<Reserve>().AddActivity<Charge>().AddActivity<Ship>();
    }
}
