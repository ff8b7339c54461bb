using Azure.Core;
using Azure.Core.Pipeline;

namespace PenguinMails.Admin.Infrastructure.Storage;

/// <summary>Counts every storage request this process sends (tries included): the cost figure benchmarks report.</summary>
public sealed class StorageCallCounter : HttpPipelineSynchronousPolicy
{
    private long _calls;

    public long Calls => Interlocked.Read(ref _calls);

    public override void OnSendingRequest(HttpMessage message) => Interlocked.Increment(ref _calls);
}
