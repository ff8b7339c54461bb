namespace PenguinMails.Functions.Tests.Infrastructure;

/// <summary>Where the real dependencies are: `./dev.sh test` starts them and exports these variables.</summary>
public static class TestEnvironment
{
    public static string StorageConnectionString =>
        Environment.GetEnvironmentVariable("PENGUINMAILS_TEST_STORAGE") is { Length: > 0 } value ? value : "UseDevelopmentStorage=true";

    public static string NewStoragePrefix() => "t" + Guid.NewGuid().ToString("N")[..10];

    public const string CursorKey = "dGVzdC1jdXJzb3Ita2V5LXRoaXJ0eS10d28tYnl0ZXMtbG9uZyE=";

    /// <summary>The local secret store's AES-256 key in tests: exactly 32 bytes, base64.</summary>
    public const string SecretsLocalKey = "dGVzdC1vbmx5LWxvY2FsLXNlY3JldHMta2V5LTMyYnk=";
}
