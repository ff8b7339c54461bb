using PenguinMails.Admin.Common;

namespace PenguinMails.Admin.Tests.Architecture;

public sealed class CoreReferencesTests
{
    private static readonly string[] SdkPrefixes =
        ["Azure", "Stripe", "Amqp", "DurableTask", "Microsoft.Azure", "Microsoft.DurableTask", "Microsoft.AspNetCore", "Google", "Grpc"];

    [Fact]
    public void TheCore_ReferencesNoSdk()
    {
        var sdks = typeof(AdminException).Assembly.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => SdkPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)))
            .ToList();

        Assert.True(sdks.Count == 0, "The core references an SDK: " + string.Join(", ", sdks));
    }
}
