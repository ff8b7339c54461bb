using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Functions.Hosting;

/// <summary>
/// The single list of functions: every named HTTP endpoint plus every registered timer and queue trigger.
/// Metadata emission, the host's invocation endpoints and the local trigger runner all read it.
/// </summary>
public sealed partial class FunctionCatalog(EndpointDataSource endpoints, IEnumerable<FunctionRegistration> registrations, StorageNames names)
{
    public const string RoutePrefix = "api/";

    public IReadOnlyList<FunctionRegistration> Triggers { get; } = registrations.ToList();

    public IReadOnlyList<FunctionDefinition> Build()
    {
        var functions = HttpFunctions().Concat(Triggers.Select(ToDefinition)).ToList();
        var duplicate = functions.GroupBy(f => f.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Function name '{duplicate.Key}' is registered more than once.");
        }
        var invalid = functions.FirstOrDefault(f => !ValidName().IsMatch(f.Name));
        if (invalid is not null)
        {
            throw new InvalidOperationException($"'{invalid.Name}' is not a valid Azure Functions name.");
        }
        return functions;
    }

    private IEnumerable<FunctionDefinition> HttpFunctions()
    {
        foreach (var endpoint in endpoints.Endpoints.OfType<RouteEndpoint>())
        {
            var route = endpoint.RoutePattern.RawText?.TrimStart('/') ?? "";
            if (!route.StartsWith(RoutePrefix, StringComparison.Ordinal))
            {
                continue; // invocation endpoints and the standalone SPA are not HTTP functions
            }
            var name = endpoint.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName
                ?? throw new InvalidOperationException($"Endpoint '{route}' has no name; call WithName() so it becomes a function.");
            var methods = endpoint.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"];
            yield return new FunctionDefinition(name, FunctionKind.Http, new JsonArray(
                new JsonObject
                {
                    ["type"] = "httpTrigger",
                    ["direction"] = "in",
                    ["name"] = "req",
                    ["authLevel"] = "anonymous",
                    ["methods"] = new JsonArray(methods.Select(m => (JsonNode)m.ToLowerInvariant()).ToArray()),
                    ["route"] = route[RoutePrefix.Length..],
                },
                new JsonObject { ["type"] = "http", ["direction"] = "out", ["name"] = "res" }));
        }
    }

    private FunctionDefinition ToDefinition(FunctionRegistration registration)
    {
        var trigger = registration.Kind switch
        {
            FunctionKind.Timer => new JsonObject { ["type"] = "timerTrigger", ["schedule"] = registration.Source },
            FunctionKind.Queue => new JsonObject { ["type"] = "queueTrigger", ["queueName"] = names.Queue(registration.Source) },
            FunctionKind.ServiceBus => new JsonObject { ["type"] = "serviceBusTrigger", ["queueName"] = registration.Source },
            _ => throw new InvalidOperationException($"Unexpected trigger kind {registration.Kind}."),
        };
        trigger["direction"] = "in";
        trigger["name"] = registration.Kind == FunctionKind.Timer ? "timer" : "message";
        if (registration.Kind != FunctionKind.Timer)
        {
            trigger["connection"] = registration.Connection;
        }
        return new FunctionDefinition(registration.Name, registration.Kind, new JsonArray(trigger));
    }

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_-]{0,126}$")]
    private static partial Regex ValidName();
}
