namespace Alluxio.Ufs;

/// <summary>
/// A write-only stream returned by <see cref="IUnderFileSystem.CreateFileAsync"/> whose file appears atomically, all
/// at once, when <see cref="CommitAsync"/> succeeds — never partially, never before. Typical use:
/// <code>
/// await using var output = await ufs.CreateFileAsync("a/b.bin", options, ct);
/// await source.CopyToAsync(output, ct);
/// await output.CommitAsync(ct);
/// </code>
/// If anything throws before the commit, disposing aborts and no file (and no visible leftover) remains.
/// <list type="bullet">
/// <item><see cref="Abort"/>, or disposing without a successful commit, discards everything written. Idempotent.</item>
/// <item>A failed write also aborts the stream (its content is unknown), and so does a failed commit: the caller
/// must start a new stream. After commit or abort, writes throw <see cref="InvalidOperationException"/>.</item>
/// <item>Committing twice is a no-op; committing after an abort throws <see cref="InvalidOperationException"/>.</item>
/// <item><see cref="Stream.Flush()"/> only pushes buffered bytes towards the UFS; it does not make anything visible.</item>
/// <item>Not thread-safe, like any stream: one writer at a time.</item>
/// </list>
/// Implementations override the <c>*Core</c> members; the state machine here guarantees the rules above.
/// </summary>
public abstract class UfsOutputStream : Stream
{
    private UfsOutputState _state;
    private long _written;

    /// <summary>Creates the stream for the mount-relative <paramref name="path"/> (normal form).</summary>
    protected UfsOutputStream(string path)
    {
        Path = path;
    }

    /// <summary>The mount-relative path the file will have once committed.</summary>
    public string Path { get; }

    /// <summary>Where the stream is in its life: open, committed or aborted.</summary>
    public UfsOutputState State => _state;

    /// <inheritdoc/>
    public override bool CanRead => false;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => _state == UfsOutputState.Open;

    /// <summary>Not supported: the stream is write-only and sequential.</summary>
    public override long Length => throw new NotSupportedException("A UFS output stream has no length; see Position.");

    /// <summary>The number of bytes written so far. Setting it is not supported.</summary>
    public override long Position
    {
        get => _written;
        set => throw new NotSupportedException("A UFS output stream is sequential.");
    }

    /// <summary>Makes the file visible at <see cref="Path"/>, atomically and durably (as far as the UFS allows).</summary>
    /// <exception cref="UfsAlreadyExistsException">Overwrite was not requested and the path now exists, or a directory is there.</exception>
    /// <exception cref="UfsException">The UFS failed; the stream is aborted.</exception>
    /// <exception cref="InvalidOperationException">The stream was aborted.</exception>
    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        switch (_state)
        {
            case UfsOutputState.Committed:
                return;
            case UfsOutputState.Aborted:
                throw new InvalidOperationException($"The write of '{Path}' was aborted; it cannot be committed.");
        }

        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            await CommitCoreAsync(cancellationToken).ConfigureAwait(false);
            _state = UfsOutputState.Committed;
        }
        catch
        {
            Abort();
            throw;
        }
    }

    /// <summary>Discards everything written; nothing appears at <see cref="Path"/>. Idempotent, never throws for UFS errors; no-op after a commit.</summary>
    public void Abort()
    {
        if (_state != UfsOutputState.Open)
        {
            return;
        }

        _state = UfsOutputState.Aborted;
        AbortCore();
    }

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    /// <inheritdoc/>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        EnsureOpen();
        try
        {
            WriteCore(buffer);
            _written += buffer.Length;
        }
        catch
        {
            Abort();
            throw;
        }
    }

    /// <inheritdoc/>
    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        ValidateBufferArguments(buffer, offset, count);
        return WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();
    }

    /// <inheritdoc/>
    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        EnsureOpen();
        try
        {
            await WriteCoreAsync(buffer, cancellationToken).ConfigureAwait(false);
            _written += buffer.Length;
        }
        catch
        {
            Abort();
            throw;
        }
    }

    /// <summary>
    /// Whether <see cref="AppendFileAsync"/> copies inside the kernel (a local UFS: file to file, the bytes never enter
    /// this process); otherwise it reads the source through a buffer like any write.
    /// </summary>
    public virtual bool AppendsFilesInKernel => false;

    /// <summary>
    /// Appends <paramref name="count"/> bytes of the regular file <paramref name="source"/> from
    /// <paramref name="offset"/>, as <see cref="WriteAsync(ReadOnlyMemory{byte}, CancellationToken)"/> would (a failure
    /// aborts the stream). Returns the bytes appended: fewer only when the source ends first.
    /// </summary>
    public async ValueTask<long> AppendFileAsync(Microsoft.Win32.SafeHandles.SafeFileHandle source, long offset, long count, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        EnsureOpen();
        try
        {
            var appended = await AppendFileCoreAsync(source, offset, count, cancellationToken).ConfigureAwait(false);
            _written += appended;
            return appended;
        }
        catch
        {
            Abort();
            throw;
        }
    }

    /// <inheritdoc/>
    public override void WriteByte(byte value) => Write([value]);

    /// <inheritdoc/>
    public override void Flush()
    {
        if (_state == UfsOutputState.Open)
        {
            FlushCore();
        }
    }

    /// <inheritdoc/>
    public override Task FlushAsync(CancellationToken cancellationToken) =>
        _state == UfsOutputState.Open ? FlushCoreAsync(cancellationToken) : Task.CompletedTask;

    /// <summary>Not supported: the stream is write-only.</summary>
    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("A UFS output stream is write-only.");

    /// <summary>Not supported: the stream is sequential.</summary>
    public override long Seek(long offset, SeekOrigin origin) =>
        throw new NotSupportedException("A UFS output stream is sequential.");

    /// <summary>Not supported: the stream is sequential.</summary>
    public override void SetLength(long value) =>
        throw new NotSupportedException("A UFS output stream is sequential.");

    /// <summary>Disposing without a commit aborts.</summary>
    public override ValueTask DisposeAsync()
    {
        Abort();
        return base.DisposeAsync();
    }

    /// <summary>Disposing without a commit aborts.</summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            Abort();
        }

        base.Dispose(disposing);
    }

    /// <summary>Writes <paramref name="buffer"/> towards the pending file.</summary>
    protected abstract void WriteCore(ReadOnlySpan<byte> buffer);

    /// <summary>Writes <paramref name="buffer"/> towards the pending file.</summary>
    protected abstract ValueTask WriteCoreAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken);

    /// <summary>
    /// Appends a range of a file; the default reads it through a pooled buffer into <see cref="WriteCoreAsync"/>.
    /// Implementations that can copy file to file in the kernel override this and <see cref="AppendsFilesInKernel"/>.
    /// </summary>
    protected virtual async ValueTask<long> AppendFileCoreAsync(Microsoft.Win32.SafeHandles.SafeFileHandle source, long offset, long count, CancellationToken cancellationToken)
    {
        var buffer = System.Buffers.ArrayPool<byte>.Shared.Rent((int)Math.Clamp(count, 1, 1 << 20));
        try
        {
            long done = 0;
            while (done < count)
            {
                var read = await RandomAccess.ReadAsync(source, buffer.AsMemory(0, (int)Math.Min(buffer.Length, count - done)), offset + done, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                await WriteCoreAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                done += read;
            }

            return done;
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Pushes buffered bytes towards the UFS (not a commit).</summary>
    protected virtual void FlushCore()
    {
    }

    /// <summary>Pushes buffered bytes towards the UFS (not a commit).</summary>
    protected virtual Task FlushCoreAsync(CancellationToken cancellationToken)
    {
        FlushCore();
        return Task.CompletedTask;
    }

    /// <summary>
    /// Makes the file visible atomically and releases the stream's resources. On failure the base class calls
    /// <see cref="AbortCore"/>, which must then clean up whatever is left.
    /// </summary>
    protected abstract Task CommitCoreAsync(CancellationToken cancellationToken);

    /// <summary>Discards the pending file and releases resources. Called at most once, and never after a successful commit; must not throw.</summary>
    protected abstract void AbortCore();

    private void EnsureOpen()
    {
        if (_state != UfsOutputState.Open)
        {
            throw new InvalidOperationException($"The write of '{Path}' is already {_state.ToString().ToLowerInvariant()}.");
        }
    }
}
