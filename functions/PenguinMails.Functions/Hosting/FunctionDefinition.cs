using System.Text.Json.Nodes;

namespace PenguinMails.Functions.Hosting;

/// <summary>A function as the Functions host sees it: a name and the bindings of its function.json.</summary>
public sealed record FunctionDefinition(string Name, FunctionKind Kind, JsonArray Bindings)
{
    public JsonObject ToFunctionJson() => new() { ["bindings"] = Bindings.DeepClone() };
}
