using System.IO.Pipelines;

namespace Alluxio.Grpc.Server.Http2;

/// <summary>
/// A stream's request body as the call reads it: the pipe the connection's read loop fills from DATA frames, which
/// reports every byte the call has examined so the connection can give the client flow-control window back.
/// Examined, not consumed: a message larger than the window is examined whole before any of it is consumed, so
/// crediting only consumed bytes would stall it; the message size limit bounds what piles up. Bytes the call never
/// reads are credited back when the stream ends (<see cref="Http2ServerStream"/>).
/// </summary>
internal sealed class Http2RequestBody(PipeReader inner, Action<int> onExamined) : PipeReader
{
    private ReadResult _last;
    private bool _holding;
    private long _consumedTotal; // bytes consumed since the start of the body
    private long _examinedTotal; // the furthest byte examined, from the start of the body

    public override bool TryRead(out ReadResult result)
    {
        if (!inner.TryRead(out result))
            return false;
        Hold(result);
        return true;
    }

    public override async ValueTask<ReadResult> ReadAsync(CancellationToken cancellationToken = default)
    {
        var result = await inner.ReadAsync(cancellationToken).ConfigureAwait(false);
        Hold(result);
        return result;
    }

    public override void AdvanceTo(SequencePosition consumed) => AdvanceTo(consumed, consumed);

    public override void AdvanceTo(SequencePosition consumed, SequencePosition examined)
    {
        long fresh = 0;
        if (_holding)
        {
            var buffer = _last.Buffer;
            var examinedTo = _consumedTotal + buffer.Slice(buffer.Start, examined).Length;
            _consumedTotal += buffer.Slice(buffer.Start, consumed).Length;
            if (examinedTo > _examinedTotal)
            {
                fresh = examinedTo - _examinedTotal;
                _examinedTotal = examinedTo;
            }
        }

        _holding = false;
        _last = default;
        inner.AdvanceTo(consumed, examined);
        if (fresh > 0)
            onExamined(checked((int)fresh));
    }

    public override void CancelPendingRead() => inner.CancelPendingRead();

    public override void Complete(Exception? exception = null) => inner.Complete(exception);

    private void Hold(ReadResult result)
    {
        _last = result;
        _holding = true;
    }
}
