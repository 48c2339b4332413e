using System.Runtime.CompilerServices;
using System.Text;
using Alluxio.Protos.Wire;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Grains.Wire;

/// <summary>
/// Reads a serialized <c>alluxio.grpc.file.FileInfo</c> straight into a <see cref="FileStatus"/>, without the
/// generated message in between: listings deliver millions of entries, and the intermediate object and its copies
/// were most of a client's cost. Gives exactly what <c>FileInfo.Parser.ParseFrom(bytes).FromWire()</c> gives (a test
/// holds the two together field by field), including unknown fields skipped and packed or unpacked block ids.
/// Owner, group and persistence state repeat across entries and are shared rather than decoded each time.
/// </summary>
public static class FileInfoReader
{
    private const ulong Varint = 0;
    private const ulong Delimited = 2;
    private const string Message = "FileInfo";
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly Utf8StringCache Repeated = new();

    /// <exception cref="InvalidDataException">The bytes are not a well-formed FileInfo.</exception>
    public static FileStatus Read(ReadOnlySpan<byte> data)
    {
        long fileId = 0, length = 0, blockSize = 0, created = 0, modified = 0, accessed = 0, ttl = 0, mountId = 0;
        string name = string.Empty, path = string.Empty, ufsPath = string.Empty, owner = string.Empty, group = string.Empty;
        string state = string.Empty, fingerprint = string.Empty, persistError = string.Empty;
        bool completed = false, folder = false, pinned = false, cacheable = false, mountPoint = false;
        int ttlAction = 0, mode = 0, inAlluxio = 0, inMemory = 0, replicationMax = 0, replicationMin = 0;
        List<long>? blocks = null;

        var position = 0;
        while (position < data.Length)
        {
            var tag = ReadVarint(data, ref position);
            var field = (int)(tag >> 3);
            var wireType = (int)(tag & 7);
            if (field == 0)
            {
                throw Malformed("a field has number 0");
            }

            switch (tag)
            {
                case 1 << 3 | Varint: fileId = (long)ReadVarint(data, ref position); break;
                case 2 << 3 | Delimited: name = ReadString(data, ref position, shared: false); break;
                case 3 << 3 | Delimited: path = ReadString(data, ref position, shared: false); break;
                case 4 << 3 | Delimited: ufsPath = ReadString(data, ref position, shared: false); break;
                case 5 << 3 | Varint: length = (long)ReadVarint(data, ref position); break;
                case 6 << 3 | Varint: blockSize = (long)ReadVarint(data, ref position); break;
                case 7 << 3 | Varint: created = (long)ReadVarint(data, ref position); break;
                case 8 << 3 | Varint: completed = ReadVarint(data, ref position) != 0; break;
                case 9 << 3 | Varint: folder = ReadVarint(data, ref position) != 0; break;
                case 10 << 3 | Varint: pinned = ReadVarint(data, ref position) != 0; break;
                case 11 << 3 | Varint: cacheable = ReadVarint(data, ref position) != 0; break;
                case 12 << 3 | Varint: ReadVarint(data, ref position); break; // persisted: derived from persistence_state
                case 13 << 3 | Varint: (blocks ??= []).Add((long)ReadVarint(data, ref position)); break;
                case 13 << 3 | Delimited:
                    var packed = Slice(data, ref position);
                    var at = 0;
                    blocks ??= [];
                    while (at < packed.Length)
                    {
                        blocks.Add((long)ReadVarint(packed, ref at));
                    }

                    break;
                case 14 << 3 | Varint: modified = (long)ReadVarint(data, ref position); break;
                case 15 << 3 | Varint: ttl = (long)ReadVarint(data, ref position); break;
                case 16 << 3 | Varint: ttlAction = (int)ReadVarint(data, ref position); break;
                case 17 << 3 | Delimited: owner = ReadString(data, ref position, shared: true); break;
                case 18 << 3 | Delimited: group = ReadString(data, ref position, shared: true); break;
                case 19 << 3 | Varint: mode = (int)ReadVarint(data, ref position); break;
                case 20 << 3 | Delimited: state = ReadString(data, ref position, shared: true); break;
                case 21 << 3 | Varint: mountPoint = ReadVarint(data, ref position) != 0; break;
                case 22 << 3 | Varint: mountId = (long)ReadVarint(data, ref position); break;
                case 23 << 3 | Varint: inAlluxio = (int)ReadVarint(data, ref position); break;
                case 24 << 3 | Varint: inMemory = (int)ReadVarint(data, ref position); break;
                case 25 << 3 | Delimited: fingerprint = ReadString(data, ref position, shared: false); break;
                case 26 << 3 | Varint: replicationMax = (int)ReadVarint(data, ref position); break;
                case 27 << 3 | Varint: replicationMin = (int)ReadVarint(data, ref position); break;
                case 28 << 3 | Varint: accessed = (long)ReadVarint(data, ref position); break;
                case 29 << 3 | Delimited: persistError = ReadString(data, ref position, shared: false); break;
                default: Skip(data, ref position, field, wireType); break;
            }
        }

        return new FileStatus
        {
            FileId = fileId,
            Name = name,
            Path = path,
            UfsPath = ufsPath,
            Length = length,
            BlockSizeBytes = blockSize,
            CreationTimeMs = created,
            Completed = completed,
            Folder = folder,
            Pinned = pinned,
            Cacheable = cacheable,
            LastModificationTimeMs = modified,
            Ttl = ttl,
            TtlAction = (TtlAction)ttlAction,
            Owner = owner,
            Group = group,
            Mode = mode,
            PersistenceState = WireMapping.ParsePersistenceState(state),
            MountPoint = mountPoint,
            MountId = mountId,
            InAlluxioPercentage = inAlluxio,
            InMemoryPercentage = inMemory,
            UfsFingerprint = fingerprint,
            ReplicationMax = replicationMax,
            ReplicationMin = replicationMin,
            LastAccessTimeMs = accessed,
            PersistError = persistError,
            BlockIds = blocks is null ? [] : blocks.ToArray(),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position) => ProtoWireReader.ReadVarint(data, ref position, Message);

    private static ReadOnlySpan<byte> Slice(ReadOnlySpan<byte> data, ref int position) => ProtoWireReader.Slice(data, ref position, Message);

    private static string ReadString(ReadOnlySpan<byte> data, ref int position, bool shared)
    {
        var bytes = Slice(data, ref position);
        try
        {
            return bytes.IsEmpty ? string.Empty : shared ? Repeated.Get(bytes, Utf8) : Utf8.GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException("Malformed FileInfo: a string field is not valid UTF-8.", e);
        }
    }

    private static void Skip(ReadOnlySpan<byte> data, ref int position, int field, int wireType) =>
        ProtoWireReader.Skip(data, ref position, field, wireType, Message);

    private static InvalidDataException Malformed(string what) => ProtoWireReader.Malformed(Message, what);
}
