namespace Alluxio.Ufs.Local.Native;

/// <summary>How <see cref="FileCopy.Copy"/> moved the bytes.</summary>
internal enum FileCopyMethod
{
    /// <summary>Nothing was copied.</summary>
    None,

    /// <summary>copy_file_range: inside one file system, possibly by sharing extents.</summary>
    CopyFileRange,

    /// <summary>sendfile: page cache to page cache across file systems.</summary>
    SendFile,

    /// <summary>Positioned reads and writes through a user buffer (no kernel copy available).</summary>
    Buffered,
}
