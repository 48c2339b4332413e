namespace Alluxio.Ufs;

/// <summary>
/// Base of decorators: forwards every member to <see cref="Inner"/>; a decorator overrides what it changes. Thread-safe
/// when the inner connector is. Disposing disposes the inner connector unless it was created with
/// <c>ownsInner: false</c>.
/// </summary>
public abstract class DelegatingUnderFileSystem : IUnderFileSystem
{
    private readonly bool _ownsInner;
    private int _disposed;

    /// <summary>Wraps <paramref name="inner"/>.</summary>
    protected DelegatingUnderFileSystem(IUnderFileSystem inner, bool ownsInner = true)
    {
        ArgumentNullException.ThrowIfNull(inner);
        Inner = inner;
        _ownsInner = ownsInner;
    }

    /// <summary>The wrapped connector.</summary>
    public IUnderFileSystem Inner { get; }

    /// <inheritdoc/>
    public virtual Uri Root => Inner.Root;

    /// <inheritdoc/>
    public virtual string Scheme => Inner.Scheme;

    /// <inheritdoc/>
    public virtual UfsCapabilities Capabilities => Inner.Capabilities;

    /// <inheritdoc/>
    public virtual Task<UfsStatus?> GetStatusAsync(string path, CancellationToken cancellationToken = default) =>
        Inner.GetStatusAsync(path, cancellationToken);

    /// <inheritdoc/>
    public virtual IAsyncEnumerable<UfsStatus> ListAsync(string path, CancellationToken cancellationToken = default) =>
        Inner.ListAsync(path, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<bool> CreateDirectoryAsync(
        string path, UfsCreateDirectoryOptions? options = null, CancellationToken cancellationToken = default) =>
        Inner.CreateDirectoryAsync(path, options, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<UfsOutputStream> CreateFileAsync(
        string path, UfsCreateFileOptions? options = null, CancellationToken cancellationToken = default) =>
        Inner.CreateFileAsync(path, options, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<Stream> OpenAsync(string path, long offset = 0, CancellationToken cancellationToken = default) =>
        Inner.OpenAsync(path, offset, cancellationToken);

    /// <summary>
    /// <see langword="null"/>: a reader handed the host file would bypass this decorator, so decorators opt in by
    /// overriding (see <see cref="IUnderFileSystem.GetHostFileAsync"/>).
    /// </summary>
    public virtual Task<UfsHostFile?> GetHostFileAsync(string path, CancellationToken cancellationToken = default) =>
        Task.FromResult<UfsHostFile?>(null);

    /// <inheritdoc/>
    public virtual Task<bool> DeleteFileAsync(string path, CancellationToken cancellationToken = default) =>
        Inner.DeleteFileAsync(path, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<bool> DeleteDirectoryAsync(string path, bool recursive, CancellationToken cancellationToken = default) =>
        Inner.DeleteDirectoryAsync(path, recursive, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<bool> RenameAsync(string source, string destination, CancellationToken cancellationToken = default) =>
        Inner.RenameAsync(source, destination, cancellationToken);

    /// <inheritdoc/>
    public virtual Task SetOwnerAsync(string path, string? owner, string? group, CancellationToken cancellationToken = default) =>
        Inner.SetOwnerAsync(path, owner, group, cancellationToken);

    /// <inheritdoc/>
    public virtual Task SetModeAsync(string path, int mode, CancellationToken cancellationToken = default) =>
        Inner.SetModeAsync(path, mode, cancellationToken);

    /// <inheritdoc/>
    public virtual Task<UfsSpace> GetSpaceAsync(CancellationToken cancellationToken = default) =>
        Inner.GetSpaceAsync(cancellationToken);

    /// <inheritdoc/>
    public virtual IUfsChangeWatcher? Watch(string path) => Inner.Watch(path);

    /// <summary>Disposes the inner connector if this decorator owns it. Idempotent.</summary>
    public virtual async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && _ownsInner)
        {
            await Inner.DisposeAsync().ConfigureAwait(false);
        }

        GC.SuppressFinalize(this);
    }
}
