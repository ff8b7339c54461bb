using System.Reflection;
using System.Reflection.Emit;

namespace PenguinMails.Admin.Tests.Architecture;

/// <summary>
/// Which namespaces of the core (by their first three segments, <c>PenguinMails.Admin.&lt;Feature&gt;</c>) use which,
/// read from the compiled types: base types, interfaces, fields, properties, signatures, and every type and member a
/// method body refers to (so a fully qualified or relatively qualified reference counts as much as a <c>using</c>).
/// </summary>
internal sealed class NamespaceGraph
{
    private const string Root = "PenguinMails.Admin.";
    private static readonly Dictionary<short, OpCode> OpCodesByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>For each namespace, the namespaces it uses, each with one example "type uses type".</summary>
    public Dictionary<string, Dictionary<string, string>> Edges { get; } = new(StringComparer.Ordinal);

    public static NamespaceGraph Of(Assembly assembly)
    {
        var graph = new NamespaceGraph();
        foreach (var type in assembly.GetTypes())
        {
            if (Feature(type) is not { } from)
            {
                continue;
            }
            graph.Edges.TryAdd(from, new Dictionary<string, string>(StringComparer.Ordinal));
            foreach (var used in References(type))
            {
                if (Feature(used) is { } to && to != from)
                {
                    graph.Edges[from].TryAdd(to, $"{type.FullName} uses {used.FullName}");
                }
            }
        }
        return graph;
    }

    /// <summary>The namespace's first three segments, or null for a type outside <c>PenguinMails.Admin.*</c>.</summary>
    public static string? Feature(Type type)
    {
        var ns = (type.IsNested ? Outermost(type) : type).Namespace;
        if (ns is null || !ns.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }
        return string.Join('.', ns.Split('.').Take(3));
    }

    private static Type Outermost(Type type) => type.DeclaringType is { } outer ? Outermost(outer) : type;

    private static IEnumerable<Type> References(Type type)
    {
        const BindingFlags all = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
        var found = new List<Type>();
        if (type.BaseType is { } baseType)
        {
            found.Add(baseType);
        }
        found.AddRange(type.GetInterfaces());
        found.AddRange(type.GetFields(all).Select(f => f.FieldType));
        found.AddRange(type.GetProperties(all).Select(p => p.PropertyType));
        found.AddRange(type.GetCustomAttributesData().Select(a => a.AttributeType));
        foreach (var method in type.GetMethods(all).Cast<MethodBase>().Concat(type.GetConstructors(all)))
        {
            if (method is MethodInfo info)
            {
                found.Add(info.ReturnType);
            }
            found.AddRange(method.GetParameters().Select(p => p.ParameterType));
            found.AddRange(BodyReferences(type, method));
        }
        return found.SelectMany(Expand);
    }

    private static IEnumerable<Type> BodyReferences(Type type, MethodBase method)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }
        var typeArguments = type.IsGenericType ? type.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        for (var at = 0; at < il.Length;)
        {
            var code = il[at] == 0xFE ? OpCodesByValue[(short)(0xFE00 | il[at + 1])] : OpCodesByValue[il[at]];
            at += code.Size;
            if (code.OperandType is OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType)
            {
                var member = method.Module.ResolveMember(BitConverter.ToInt32(il, at), typeArguments, methodArguments);
                foreach (var used in Of(member))
                {
                    yield return used;
                }
            }
            at += OperandSize(code, il, at);
        }
    }

    private static IEnumerable<Type> Of(MemberInfo? member) => member switch
    {
        Type t => [t],
        FieldInfo f => [f.DeclaringType!, f.FieldType],
        MethodInfo m => [m.DeclaringType!, m.ReturnType, .. m.GetParameters().Select(p => p.ParameterType),
            .. m.IsGenericMethod ? m.GetGenericArguments() : []],
        ConstructorInfo c => [c.DeclaringType!, .. c.GetParameters().Select(p => p.ParameterType)],
        _ => [],
    };

    private static int OperandSize(OpCode code, byte[] il, int at) => code.OperandType switch
    {
        OperandType.InlineNone => 0,
        OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar => 1,
        OperandType.InlineVar => 2,
        OperandType.InlineI8 or OperandType.InlineR => 8,
        OperandType.InlineSwitch => 4 + 4 * BitConverter.ToInt32(il, at),
        _ => 4,
    };

    private static IEnumerable<Type> Expand(Type type)
    {
        if (type.HasElementType)
        {
            foreach (var element in Expand(type.GetElementType()!))
            {
                yield return element;
            }
            yield break;
        }
        if (type.IsGenericParameter)
        {
            yield break;
        }
        yield return type;
        if (type.IsGenericType)
        {
            foreach (var argument in type.GetGenericArguments().SelectMany(Expand))
            {
                yield return argument;
            }
        }
    }
}
