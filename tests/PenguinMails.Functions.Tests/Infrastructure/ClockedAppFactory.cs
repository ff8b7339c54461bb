using Microsoft.Extensions.Time.Testing;

namespace PenguinMails.Functions.Tests.Infrastructure;

/// <summary>The app with a clock the test moves (expiry, retention). Starts at the real current time.</summary>
public sealed class ClockedAppFactory : AdminAppFactory
{
    public ClockedAppFactory() => Time = Clock;

    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);
}
