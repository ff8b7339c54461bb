using System.Buffers;
using System.IO.Pipelines;

namespace PenguinMails.Functions.Http;

/// <summary>
/// The connection's output, which gives Kestrel's own early rejections a problem body. Kestrel answers some
/// requests before the app runs (a request line over its limit is 414, headers over theirs 431, a NUL in the
/// path 400) with an empty body. Those answers are recognisable: a 4xx head alone in one flush, with
/// Content-Length 0 and Connection close, and without the X-Correlation-Id every app response carries.
/// Every other flush passes through unchanged.
/// </summary>
public sealed class KestrelRejectionWriter(PipeWriter inner) : PipeWriter
{
    private readonly ArrayBufferWriter<byte> _pending = new(4096);

    public override bool CanGetUnflushedBytes => true;

    public override long UnflushedBytes => _pending.WrittenCount;

    public override void Advance(int bytes) => _pending.Advance(bytes);

    public override Memory<byte> GetMemory(int sizeHint = 0) => _pending.GetMemory(sizeHint);

    public override Span<byte> GetSpan(int sizeHint = 0) => _pending.GetSpan(sizeHint);

    public override void CancelPendingFlush() => inner.CancelPendingFlush();

    public override void Complete(Exception? exception = null)
    {
        Drain();
        inner.Complete(exception);
    }

    public override async ValueTask CompleteAsync(Exception? exception = null)
    {
        Drain();
        await inner.FlushAsync();
        await inner.CompleteAsync(exception);
    }

    public override ValueTask<FlushResult> FlushAsync(CancellationToken cancellationToken = default)
    {
        Drain();
        return inner.FlushAsync(cancellationToken);
    }

    private void Drain()
    {
        if (_pending.WrittenCount == 0)
        {
            return;
        }
        inner.Write(KestrelRejectionProblem.TryRewrite(_pending.WrittenSpan) ?? _pending.WrittenSpan);
        _pending.ResetWrittenCount();
    }
}
