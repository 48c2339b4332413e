using Alluxio.Ufs.Local.Native;
using Microsoft.Win32.SafeHandles;

namespace Alluxio.Ufs.Local;

/// <summary>
/// A pending local write: bytes go to a private temp file (mode 0600, <see cref="InternalNames"/>) in the target's
/// directory. Commit sets owner, then mode (chown clears setuid bits, so in that order), fsyncs the file, renames it
/// onto the target (atomically refusing an existing target unless overwriting: renameat2 RENAME_NOREPLACE), and
/// fsyncs the directory so the new name survives a crash. Abort closes and unlinks the temp file. If the directory
/// fsync fails after the rename, the file is visible yet the commit reports the failure (its durability is unknown).
/// Every <see cref="LocalUnderFileSystemOptions.WritebackBytes"/> written, the kernel is asked to start writing them
/// out (a hint, never waited for; errors surface at the commit's fsync), so that fsync finds little left to do.
/// Appended files are copied by the kernel (<see cref="FileCopy"/>).
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
    private readonly long _writebackBytes;
    private readonly LocalErrors _errors;
    private long _writebackFrom; // where the bytes not yet handed to writeback start

    internal LocalOutputStream(
        string path, FileStream file, string directory, string tempPath, string targetPath, UfsCreateFileOptions options,
        (uint Uid, uint Gid) owner, LocalUnderFileSystemOptions settings, LocalErrors errors)
        : base(path)
    {
        _file = file;
        _directory = directory;
        _tempPath = tempPath;
        _targetPath = targetPath;
        _options = options;
        (_uid, _gid) = owner;
        _allowSetOwnerFailure = settings.AllowSetOwnerFailure;
        _writebackBytes = settings.WritebackBytes;
        _errors = errors;
    }

    protected override void WriteCore(ReadOnlySpan<byte> buffer)
    {
        try
        {
            _file.Write(buffer);
            StartWriteback();
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
            StartWriteback();
        }
        catch (Exception e)
        {
            throw _errors.FromException(e, "write", Path);
        }
    }

    public override bool AppendsFilesInKernel => true;

    protected override ValueTask<long> AppendFileCoreAsync(SafeFileHandle source, long offset, long count, CancellationToken cancellationToken)
    {
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            _file.Flush();
            var at = _file.Position;
            var copied = FileCopy.Copy(source, offset, _file.SafeFileHandle, at, count);
            _file.Position = at + copied; // the stream's own position: its later writes go after the copied bytes
            StartWriteback();
            return ValueTask.FromResult(copied);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return ValueTask.FromException<long>(_errors.FromException(e, "write", Path));
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

    /// <summary>Hands the bytes written since the last call to the kernel's writeback once there are enough of them.</summary>
    private void StartWriteback()
    {
        var position = _file.Position;
        if (_writebackBytes == 0 || position - _writebackFrom < _writebackBytes || !OperatingSystem.IsLinux())
        {
            return;
        }

        _file.Flush();
        _ = LibC.sync_file_range(_file.SafeFileHandle, _writebackFrom, position - _writebackFrom, LibC.SyncFileRangeWrite);
        _writebackFrom = position;
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
