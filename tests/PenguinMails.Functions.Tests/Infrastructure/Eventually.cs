namespace PenguinMails.Functions.Tests.Infrastructure;

/// <summary>Polls a condition that background work makes true (queues, timers, workflows).</summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, string? because = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            if (await condition())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail(because ?? "The condition did not become true in time.");
    }

    /// <summary>Reads <paramref name="read"/> until <paramref name="done"/> holds, and returns that value.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> read, Func<T, bool> done, TimeSpan? timeout = null, string? because = null)
    {
        var value = default(T)!;
        await TrueAsync(async () => done(value = await read()), timeout, because);
        return value;
    }
}
