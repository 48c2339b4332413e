namespace Alluxio.Ufs;

/// <summary>The write stream of <see cref="FaultInjectingUnderFileSystem"/>: checks Write and Commit rules, then forwards.</summary>
internal sealed class FaultInjectingOutputStream : UfsOutputStream
{
    private readonly FaultInjectingUnderFileSystem _owner;
    private readonly UfsOutputStream _inner;

    internal FaultInjectingOutputStream(FaultInjectingUnderFileSystem owner, UfsOutputStream inner)
        : base(inner.Path)
    {
        _owner = owner;
        _inner = inner;
    }

    protected override void WriteCore(ReadOnlySpan<byte> buffer)
    {
        _owner.Before(UfsOperation.Write, Path);
        _inner.Write(buffer);
    }

    protected override async ValueTask WriteCoreAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        await _owner.BeforeAsync(UfsOperation.Write, Path, null, cancellationToken).ConfigureAwait(false);
        await _inner.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
    }

    protected override void FlushCore() => _inner.Flush();

    protected override Task FlushCoreAsync(CancellationToken cancellationToken) => _inner.FlushAsync(cancellationToken);

    protected override async Task CommitCoreAsync(CancellationToken cancellationToken)
    {
        await _owner.BeforeAsync(UfsOperation.Commit, Path, null, cancellationToken).ConfigureAwait(false);
        await _inner.CommitAsync(cancellationToken).ConfigureAwait(false);
        await _inner.DisposeAsync().ConfigureAwait(false);
    }

    protected override void AbortCore()
    {
        _inner.Abort();
        _inner.Dispose();
    }
}
