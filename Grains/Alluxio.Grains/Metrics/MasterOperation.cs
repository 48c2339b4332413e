namespace Alluxio.Grains.Metrics;

/// <summary>
/// A master operation's counters, as Alluxio names them: every call (<paramref name="Ops"/>) and the successful ones
/// (<paramref name="Succeeded"/>, when Alluxio counts them).
/// </summary>
public sealed record MasterOperation(string Ops, string? Succeeded)
{
    /// <summary>getStatus, and listStatus (one op per listing, one FileInfosGot per entry listed).</summary>
    public static readonly MasterOperation GetFileInfo = new("Master.GetFileInfoOps", "Master.FileInfosGot");

    public static readonly MasterOperation CreateFile = new("Master.CreateFileOps", "Master.FilesCreated");

    public static readonly MasterOperation CreateDirectory = new("Master.CreateDirectoryOps", "Master.DirectoriesCreated");

    public static readonly MasterOperation CompleteFile = new("Master.CompleteFileOps", "Master.FilesCompleted");

    public static readonly MasterOperation DeletePath = new("Master.DeletePathOps", "Master.PathsDeleted");

    public static readonly MasterOperation RenamePath = new("Master.RenamePathOps", "Master.PathsRenamed");

    public static readonly MasterOperation SetAttribute = new("Master.SetAttributeOps", null);

    public static readonly MasterOperation FreeFile = new("Master.FreeFileOps", "Master.FilesFreed");

    public static readonly MasterOperation Mount = new("Master.MountOps", "Master.PathsMounted");

    public static readonly MasterOperation Unmount = new("Master.UnmountOps", "Master.PathsUnmounted");

    /// <summary>Every operation counted.</summary>
    public static IReadOnlyList<MasterOperation> All { get; } =
        [GetFileInfo, CreateFile, CreateDirectory, CompleteFile, DeletePath, RenamePath, SetAttribute, FreeFile, Mount, Unmount];
}
