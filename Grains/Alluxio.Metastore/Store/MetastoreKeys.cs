using System.Buffers.Binary;
using System.Text;

namespace Alluxio.Metastore.Store;

/// <summary>
/// The metadata store's key schema: every column family, its keys and values, in one place. Persisted format:
/// append-only — never change an existing layout; add a column family or a key prefix instead.
/// <code>
/// column family  key                                     value
/// inodes         inode id (int64, big-endian)            InodeRecord (meta/inode.proto)
/// edges          parent id (int64 BE) ‖ UTF-8 name       child inode id (int64 BE)
///                (8-byte prefix extractor: a directory's children are one prefix, in byte order of their names)
/// blocks         block id (int64 BE)                     block metadata (the worker issue defines it)
/// mounts         mount id (int64 BE)                     MountRecord
/// path-config    UTF-8 path                              PathConfigRecord
/// sync-points    UTF-8 path                              SyncPointRecord
/// meta           ASCII name                              int64 BE (see the Meta* keys below)
/// grain-state    see Alluxio.Runtime GrainStateKeys      (the grain storage provider's own format)
/// </code>
/// Big-endian ids make byte order equal numeric order, so scans of inodes and mounts come out sorted by id.
/// </summary>
public static class MetastoreKeys
{
    public const string Inodes = "inodes";
    public const string Edges = "edges";
    public const string Blocks = "blocks";
    public const string Mounts = "mounts";
    public const string PathConfig = "path-config";
    public const string SyncPoints = "sync-points";
    public const string Meta = "meta";
    public const string GrainState = "grain-state";

    /// <summary>Every column family of the store, in creation order.</summary>
    public static readonly string[] ColumnFamilies = [Inodes, Edges, Blocks, Mounts, PathConfig, SyncPoints, Meta, GrainState];

    /// <summary>meta: the sequence number of the last journal entry applied to this store.</summary>
    public static readonly byte[] MetaAppliedSequence = "applied-sequence"u8.ToArray();

    /// <summary>meta: one more than the largest inode id ever allocated.</summary>
    public static readonly byte[] MetaNextInodeId = "next-inode-id"u8.ToArray();

    /// <summary>meta: one more than the largest mount id ever allocated.</summary>
    public static readonly byte[] MetaNextMountId = "next-mount-id"u8.ToArray();

    /// <summary>meta: the store's format version (1).</summary>
    public static readonly byte[] MetaFormatVersion = "format-version"u8.ToArray();

    public const long FormatVersion = 1;

    public static byte[] Id(long id)
    {
        var key = new byte[8];
        BinaryPrimitives.WriteInt64BigEndian(key, id);
        return key;
    }

    public static long ReadId(ReadOnlySpan<byte> key) => BinaryPrimitives.ReadInt64BigEndian(key);

    public static byte[] Edge(long parentId, string name)
    {
        var key = new byte[8 + Encoding.UTF8.GetByteCount(name)];
        BinaryPrimitives.WriteInt64BigEndian(key, parentId);
        Encoding.UTF8.GetBytes(name, key.AsSpan(8));
        return key;
    }

    /// <summary>The name part of an edge key.</summary>
    public static string EdgeName(ReadOnlySpan<byte> key) => Encoding.UTF8.GetString(key[8..]);

    public static byte[] Text(string value) => Encoding.UTF8.GetBytes(value);

    public static byte[] Int64(long value) => Id(value);
}
