namespace Alluxio.Ufs;

/// <summary>The operations <see cref="FaultInjectingUnderFileSystem"/> counts and can make fail or slow down.</summary>
public enum UfsOperation
{
    /// <summary><see cref="IUnderFileSystem.GetStatusAsync"/>.</summary>
    GetStatus,

    /// <summary><see cref="IUnderFileSystem.ListAsync"/> (checked when the enumeration starts).</summary>
    List,

    /// <summary><see cref="IUnderFileSystem.CreateDirectoryAsync"/>.</summary>
    CreateDirectory,

    /// <summary><see cref="IUnderFileSystem.CreateFileAsync"/> (opening the write stream).</summary>
    CreateFile,

    /// <summary>Each write call on a stream from <see cref="IUnderFileSystem.CreateFileAsync"/>.</summary>
    Write,

    /// <summary><see cref="UfsOutputStream.CommitAsync"/> on a stream from <see cref="IUnderFileSystem.CreateFileAsync"/>.</summary>
    Commit,

    /// <summary><see cref="IUnderFileSystem.OpenAsync"/>.</summary>
    Open,

    /// <summary>Each read call on a stream from <see cref="IUnderFileSystem.OpenAsync"/>.</summary>
    Read,

    /// <summary><see cref="IUnderFileSystem.DeleteFileAsync"/>.</summary>
    DeleteFile,

    /// <summary><see cref="IUnderFileSystem.DeleteDirectoryAsync"/>.</summary>
    DeleteDirectory,

    /// <summary><see cref="IUnderFileSystem.RenameAsync"/> (path filters see the source and the destination).</summary>
    Rename,

    /// <summary><see cref="IUnderFileSystem.SetOwnerAsync"/>.</summary>
    SetOwner,

    /// <summary><see cref="IUnderFileSystem.SetModeAsync"/>.</summary>
    SetMode,

    /// <summary><see cref="IUnderFileSystem.GetSpaceAsync"/> (path filters see <c>""</c>).</summary>
    GetSpace,

    /// <summary><see cref="IUnderFileSystem.Watch"/>.</summary>
    Watch,
}
