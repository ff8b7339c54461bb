using System.Reflection;
using System.Text.Json.Serialization.Metadata;

namespace PenguinMails.Functions.Http;

/// <summary>
/// A request record's computed, get-only properties (such as <c>CreateFlagRequest.Definition</c>) are not part of
/// the contract: removed from its JSON contract, a client that sends one gets 400 unknown_property instead of
/// having it silently ignored, and the OpenAPI request schema no longer lists it.
/// </summary>
public static class RequestContractRules
{
    public static void RemoveReadOnlyRequestProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object || !typeInfo.Type.Name.EndsWith("Request", StringComparison.Ordinal))
        {
            return;
        }
        var parameters = typeInfo.Type.GetConstructors(BindingFlags.Public | BindingFlags.Instance)
            .SelectMany(c => c.GetParameters()).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var property = typeInfo.Properties[i];
            if (property.Set is null && property.AttributeProvider is PropertyInfo info && !parameters.Contains(info.Name))
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}
