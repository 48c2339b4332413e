namespace Alluxio.Ufs.Local.Native;

/// <summary>The fields of <c>struct statx</c> the connector uses.</summary>
internal readonly record struct FileStat(
    uint Mode, uint Uid, uint Gid, long Size, long MtimeSeconds, uint MtimeNanoseconds, ulong Inode, uint DevMajor, uint DevMinor)
{
    private const uint TypeMask = 0xF000;
    private const uint Directory = 0x4000;
    private const uint Regular = 0x8000;
    private const uint Symlink = 0xA000;

    internal bool IsDirectory => (Mode & TypeMask) == Directory;

    internal bool IsRegularFile => (Mode & TypeMask) == Regular;

    internal bool IsSymlink => (Mode & TypeMask) == Symlink;

    internal DateTimeOffset LastModified =>
        DateTimeOffset.FromUnixTimeSeconds(MtimeSeconds).AddTicks(MtimeNanoseconds / 100);

    /// <summary>Reads a filled <c>struct statx</c> (offsets from linux/stat.h).</summary>
    internal static unsafe FileStat Read(byte* statx) => new(
        Mode: *(ushort*)(statx + 28),
        Uid: *(uint*)(statx + 20),
        Gid: *(uint*)(statx + 24),
        Size: *(long*)(statx + 40),
        MtimeSeconds: *(long*)(statx + 112),
        MtimeNanoseconds: *(uint*)(statx + 120),
        Inode: *(ulong*)(statx + 32),
        DevMajor: *(uint*)(statx + 136),
        DevMinor: *(uint*)(statx + 140));
}
