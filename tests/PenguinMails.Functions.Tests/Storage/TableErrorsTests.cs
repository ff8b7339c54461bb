using Azure;
using PenguinMails.Admin.Infrastructure.Storage;

namespace PenguinMails.Functions.Tests.Storage;

/// <summary>What counts as a failed storage write, for the derived-data writes that fall back to a repair queue.</summary>
public sealed class TableErrorsTests
{
    [Fact]
    public void RefusedAndTimedOutWrites_AreFailures_ACancelledCallerAndABugAreNot()
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.True(TableErrors.IsWriteFailure(new RequestFailedException(503, "busy"), CancellationToken.None));
        Assert.True(TableErrors.IsWriteFailure(new TaskCanceledException("network timeout"), CancellationToken.None));
        Assert.True(TableErrors.IsWriteFailure(new AggregateException(new TaskCanceledException(), new TaskCanceledException()), CancellationToken.None));
        Assert.False(TableErrors.IsWriteFailure(new TaskCanceledException(), cancelled.Token));
        Assert.False(TableErrors.IsWriteFailure(new InvalidOperationException("a bug"), CancellationToken.None));
    }
}
