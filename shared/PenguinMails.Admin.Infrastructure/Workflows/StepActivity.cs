using System.Text.Json;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using PenguinMails.Admin.Common;
using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Infrastructure.Workflows;

/// <summary>
/// Runs the core step <typeparamref name="TStep"/> as a Durable Task activity named after it, in its own DI scope.
/// The core keeps the business logic (and its idempotency, keyed by instance, execution and step); this class only
/// carries it over the engine's boundary: a 4xx from the core becomes <see cref="WorkflowStepRejectedException"/>,
/// which the retry policy does not retry.
/// </summary>
public sealed class StepActivity<TStep>(IServiceScopeFactory scopes) : TaskActivity<WorkflowStepRequest, StepResult>
    where TStep : class, IWorkflowActivity
{
    public static string Name => typeof(TStep).Name;

    public override async Task<StepResult> RunAsync(TaskActivityContext context, WorkflowStepRequest input)
    {
        await using var scope = scopes.CreateAsyncScope();
        var step = scope.ServiceProvider.GetRequiredService<TStep>();
        object? result;
        try
        {
            result = await step.RunAsync(new WorkflowActivityContext(input, Name), CancellationToken.None);
        }
        catch (AdminException e) when (e.Status is >= 400 and < 500 and not (408 or 412 or 429))
        {
            throw new WorkflowStepRejectedException(e.Detail is null ? $"{e.Code}: {e.Title}" : $"{e.Code}: {e.Detail}", e);
        }
        return result is CompleteEarly early
            ? new StepResult(ToJson(early.Output), early.CustomStatus)
            : new StepResult(ToJson(result));
    }

    private static JsonElement? ToJson(object? value) =>
        value is null ? null : JsonSerializer.SerializeToElement(value, value.GetType(), JsonSerializerOptions.Web);
}
