using System.Text;

namespace PenguinMails.Functions.Tests.Fuzz;

/// <summary>The hostile inputs the fuzz walk sends: the ones that once caused 5xx, plus wrong types, size and nesting.</summary>
public static class FuzzInputs
{
    public static readonly string[] PathValues =
    [
        "0123456789abcdef01234567", "a%2Fb", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%24%7Bjndi%3Aldap%3A%2F%2Fx%7D", new string('a', 300), "..",
        "%E2%80%AE", "a'b", "%20",
    ];

    public static readonly string[] QueryValues =
    [
        "abc", "-1", "0", "100000", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z", "a/b", "<script>alert(1)</script>", "${jndi:ldap://x}",
        "abc.def", "'", new string('x', 5000), "true", "1e309",
    ];

    public static readonly string[] IfMatchValues = ["\"stale\"", "\"\"", "not-an-etag", "W/\"datetime'2026-01-01T00%3A00%3A00Z'\""];

    public static IEnumerable<(string Name, byte[] Body)> Bodies(IReadOnlyList<string> properties)
    {
        yield return ("empty object", "{}"u8.ToArray());
        yield return ("array", "[]"u8.ToArray());
        yield return ("null", "null"u8.ToArray());
        yield return ("string", "\"x\""u8.ToArray());
        yield return ("unknown property", "{\"unknownProperty\":1}"u8.ToArray());
        yield return ("read-only property", "{\"definition\":{},\"id\":\"x\",\"createdAt\":\"2026-01-01T00:00:00Z\"}"u8.ToArray());
        yield return ("deep nesting", Encoding.UTF8.GetBytes(new string('[', 500) + new string(']', 500)));
        yield return ("deep object nesting", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100)));
        yield return ("invalid utf-8", [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)'}']);
        yield return ("truncated", "{\"a\": "u8.ToArray());
        yield return ("oversize", Encoding.UTF8.GetBytes("{\"a\":\"" + new string('a', 1_100_000) + "\"}"));
        yield return ("all wrong types", Json(properties.Select(p => (p, "12345"))));
        yield return ("all strings", Json(properties.Select(p => (p, "\"a/b\""))));
        yield return ("all hostile ids", Json(properties.Select(p => (p, "\"${jndi:ldap://x}\""))));
        yield return ("extreme dates", Json(properties.Select(p => (p, "\"9999-12-31T23:59:59Z\""))));
        yield return ("objects", Json(properties.Select(p => (p, "{\"nested\":[1,2,3]}"))));
        yield return ("huge numbers", Json(properties.Select(p => (p, "1e309"))));
        yield return ("negative", Json(properties.Select(p => (p, "-2147483649"))));
        foreach (var property in properties.Take(10))
        {
            yield return ($"{property} wrong type", Json([(property, "[]")]));
        }
    }

    private static byte[] Json(IEnumerable<(string Name, string Value)> fields) =>
        Encoding.UTF8.GetBytes("{" + string.Join(",", fields.Select(f => $"\"{f.Name}\":{f.Value}")) + "}");
}
