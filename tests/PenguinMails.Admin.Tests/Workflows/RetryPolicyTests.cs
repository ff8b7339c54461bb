using PenguinMails.Admin.Workflows;

namespace PenguinMails.Admin.Tests.Workflows;

public sealed class RetryPolicyTests
{
    [Fact]
    public void Delays_GrowExponentiallyUpToTheCap()
    {
        var policy = new RetryPolicy(6, TimeSpan.FromSeconds(2), 2, TimeSpan.FromSeconds(10));

        Assert.Equal(
            [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(10)],
            Enumerable.Range(2, 5).Select(policy.DelayBefore));
    }

    [Fact]
    public void DefaultPolicy_TriesFiveTimes() => Assert.Equal(5, RetryPolicy.Default.MaxAttempts);
}
