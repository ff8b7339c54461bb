using System.Text.Json;
using System.Text.Json.Nodes;

namespace PenguinMails.Functions.Hosting;

/// <summary>
/// The custom handler protocol for non-HTTP triggers: the host POSTs /{FunctionName} with <c>Data</c> and
/// <c>Metadata</c>, and reads back <c>Outputs</c>, <c>Logs</c> and <c>ReturnValue</c>. Mapped only under the host,
/// which is the only caller on the handler's port.
/// </summary>
public static class InvocationEndpoints
{
    public static void MapFunctionInvocations(this WebApplication app, IEnumerable<FunctionRegistration> triggers)
    {
        foreach (var trigger in triggers)
        {
            app.MapPost("/" + trigger.Name, (HttpRequest request, TriggerDispatcher dispatcher, CancellationToken cancellationToken) =>
                    InvokeAsync(trigger, request, dispatcher, cancellationToken))
                .ExcludeFromDescription()
                .AllowAnonymous();
        }
    }

    private static async Task<IResult> InvokeAsync(FunctionRegistration trigger, HttpRequest request, TriggerDispatcher dispatcher, CancellationToken cancellationToken)
    {
        var body = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject;
        var (payload, dequeueCount) = ReadInvocation(body, trigger);
        var logs = new JsonArray();
        try
        {
            var invocation = await dispatcher.DispatchAsync(trigger, payload, dequeueCount, cancellationToken);
            foreach (var line in invocation.Logs)
            {
                logs.Add(line);
            }
            return Results.Json(new JsonObject { ["Outputs"] = new JsonObject(), ["Logs"] = logs, ["ReturnValue"] = null });
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // A non-2xx answer tells the host the invocation failed, so it retries and eventually dead-letters.
            logs.Add($"{trigger.Name} failed: {e.GetType().Name}");
            return Results.Json(new JsonObject { ["Outputs"] = new JsonObject(), ["Logs"] = logs, ["ReturnValue"] = null }, statusCode: 500);
        }
    }

    /// <summary>Extracts the trigger payload and delivery count from the host's invocation request.</summary>
    public static (string Payload, int DequeueCount) ReadInvocation(JsonObject? body, FunctionRegistration trigger)
    {
        var bindingName = trigger.Kind == FunctionKind.Timer ? "timer" : "message";
        var data = body?["Data"] as JsonObject;
        var item = data?[bindingName] ?? data?.FirstOrDefault().Value;
        var payload = item switch
        {
            null => "",
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => item.ToJsonString(),
        };
        var metadata = body?["Metadata"] as JsonObject;
        var count = metadata?["DequeueCount"] ?? metadata?["DeliveryCount"];
        var dequeueCount = count is JsonValue v && int.TryParse(v.ToString(), out var n) ? n : 1;
        return (payload, dequeueCount);
    }
}
