namespace Alluxio.Ufs;

/// <summary>
/// A read-only view of a connector, for mounts with the read-only option: every mutating call fails with
/// <see cref="UfsPermissionException"/> ("mount is read-only") without reaching the inner connector, whatever the path;
/// reads, listing, space and watching pass through. Thread-safe when the inner connector is.
/// </summary>
public sealed class ReadOnlyUnderFileSystem : DelegatingUnderFileSystem
{
    /// <summary>Wraps <paramref name="inner"/>.</summary>
    public ReadOnlyUnderFileSystem(IUnderFileSystem inner, bool ownsInner = true)
        : base(inner, ownsInner)
    {
    }

    /// <summary>Passes through: reading the file directly changes nothing.</summary>
    public override Task<UfsHostFile?> GetHostFileAsync(string path, CancellationToken cancellationToken = default) =>
        Inner.GetHostFileAsync(path, cancellationToken);

    /// <inheritdoc/>
    public override Task<bool> CreateDirectoryAsync(
        string path, UfsCreateDirectoryOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromException<bool>(Refuse("create directory", path));

    /// <inheritdoc/>
    public override Task<UfsOutputStream> CreateFileAsync(
        string path, UfsCreateFileOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromException<UfsOutputStream>(Refuse("create file", path));

    /// <inheritdoc/>
    public override Task<bool> DeleteFileAsync(string path, CancellationToken cancellationToken = default) =>
        Task.FromException<bool>(Refuse("delete file", path));

    /// <inheritdoc/>
    public override Task<bool> DeleteDirectoryAsync(string path, bool recursive, CancellationToken cancellationToken = default) =>
        Task.FromException<bool>(Refuse("delete directory", path));

    /// <inheritdoc/>
    public override Task<bool> RenameAsync(string source, string destination, CancellationToken cancellationToken = default) =>
        Task.FromException<bool>(Refuse("rename", source));

    /// <inheritdoc/>
    public override Task SetOwnerAsync(string path, string? owner, string? group, CancellationToken cancellationToken = default) =>
        Task.FromException(Refuse("set owner of", path));

    /// <inheritdoc/>
    public override Task SetModeAsync(string path, int mode, CancellationToken cancellationToken = default) =>
        Task.FromException(Refuse("set mode of", path));

    private UfsPermissionException Refuse(string operation, string path) =>
        new($"mount is read-only: cannot {operation} '{path}' in {Root}") { Path = path };
}
