using Alluxio.Ufs.Local.Native;

namespace Alluxio.Ufs.Local;

/// <summary>
/// A pending local write: bytes go to a private temp file (mode 0600, <see cref="InternalNames"/>) in the target's
/// directory. Commit sets owner, then mode (chown clears setuid bits, so in that order), fsyncs the file, renames it
/// onto the target (atomically refusing an existing target unless overwriting: renameat2 RENAME_NOREPLACE), and
/// fsyncs the directory so the new name survives a crash. Abort closes and unlinks the temp file. If the directory
/// fsync fails after the rename, the file is visible yet the commit reports the failure (its durability is unknown).
/// </summary>
internal sealed class LocalOutputStream : UfsOutputStream
{
    private readonly FileStream _file;
    private readonly string _tempPath;
    private readonly string _targetPath;
    private readonly string _directory;
    private readonly UfsCreateFileOptions _options;
    private readonly uint _uid;
    private readonly uint _gid;
    private readonly bool _allowSetOwnerFailure;
    private readonly LocalErrors _errors;

    internal LocalOutputStream(
        string path, FileStream file, string directory, string tempPath, string targetPath, UfsCreateFileOptions options,
        (uint Uid, uint Gid) owner, bool allowSetOwnerFailure, LocalErrors errors)
        : base(path)
    {
        _file = file;
        _directory = directory;
        _tempPath = tempPath;
        _targetPath = targetPath;
        _options = options;
        (_uid, _gid) = owner;
        _allowSetOwnerFailure = allowSetOwnerFailure;
        _errors = errors;
    }

    protected override void WriteCore(ReadOnlySpan<byte> buffer)
    {
        try
        {
            _file.Write(buffer);
        }
        catch (Exception e)
        {
            throw _errors.FromException(e, "write", Path);
        }
    }

    protected override async ValueTask WriteCoreAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            await _file.WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            throw _errors.FromException(e, "write", Path);
        }
    }

    protected override void FlushCore()
    {
        try
        {
            _file.Flush();
        }
        catch (Exception e)
        {
            throw _errors.FromException(e, "write", Path);
        }
    }

    protected override Task CommitCoreAsync(CancellationToken cancellationToken)
    {
        try
        {
            _file.Flush();
            if (_uid != Posix.Unchanged || _gid != Posix.Unchanged)
            {
                var error = Posix.ChangeOwner(_file.SafeFileHandle, _uid, _gid);
                if (error != 0 && !(_allowSetOwnerFailure && error == Errno.EPERM))
                {
                    throw _errors.FromErrno(error, "set the owner of", Path);
                }
            }

            var modeError = Posix.ChangeMode(_file.SafeFileHandle, _options.Mode);
            if (modeError != 0)
            {
                throw _errors.FromErrno(modeError, "set the mode of", Path);
            }

            _file.Flush(flushToDisk: true);
            _file.Dispose();
            cancellationToken.ThrowIfCancellationRequested();

            var renamed = Posix.Rename(_tempPath, _targetPath, noReplace: !_options.Overwrite);
            if (renamed != 0)
            {
                throw renamed switch
                {
                    Errno.EEXIST => new UfsAlreadyExistsException($"Cannot commit '{Path}': it was created meanwhile and overwrite was not requested.") { Path = Path },
                    Errno.EISDIR or Errno.ENOTEMPTY => new UfsAlreadyExistsException($"Cannot commit '{Path}': a directory is there now.") { Path = Path },
                    Errno.ENOENT => new UfsNotFoundException($"Cannot commit '{Path}': its directory was removed meanwhile.") { Path = Path },
                    _ => _errors.FromErrno(renamed, "commit", Path),
                };
            }

            var synced = Posix.SyncDirectory(_directory);
            if (synced != 0)
            {
                throw _errors.FromErrno(synced, "sync the directory of", Path);
            }

            return Task.CompletedTask;
        }
        catch (Exception e)
        {
            return Task.FromException(_errors.FromException(e, "commit", Path));
        }
    }

    protected override void AbortCore()
    {
        try
        {
            _file.Dispose();
        }
        catch (IOException)
        {
            // Closing a file we are about to delete: its buffered bytes do not matter.
        }

        Posix.Unlink(_tempPath);
    }
}
