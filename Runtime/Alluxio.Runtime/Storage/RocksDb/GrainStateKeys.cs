using System.Buffers.Binary;
using System.Text;

namespace Alluxio.Runtime.Storage.RocksDb;

/// <summary>
/// The persisted format of grain state in RocksDB (column family <see cref="ColumnFamily"/>). Append-only: never
/// change the meaning of an existing byte.
/// <code>
/// record key   = UTF-8(state name) 0x00 UTF-8(grain type) 0x00 UTF-8(grain key)
///                (state name and grain type may not contain 0x00; the grain key is the tail and may)
/// record value = 0x01 (format version) | ETag (int64 little-endian) | payload (serializer's bytes)
/// meta key     = 0x00 "etag-high-water"  → int64 little-endian: the largest ETag ever issued
///                (real keys never start with 0x00, because state names are non-empty)
/// </code>
/// ETags come from one counter that only grows and is persisted in the same batch as the writes that use it, so an
/// ETag is never issued twice, even after a clear, a re-create or a restart (no ABA).
/// </summary>
internal static class GrainStateKeys
{
    public const string ColumnFamily = "grain-state";

    public const byte FormatVersion = 1;

    public const int HeaderSize = 1 + sizeof(long);

    public static readonly byte[] EtagHighWaterKey = [0x00, .. "etag-high-water"u8];

    public static byte[] RecordKey(string stateName, GrainId grainId)
    {
        var type = grainId.Type.Value;
        if (stateName.Length == 0 || stateName.Contains('\0') || type.Contains('\0'))
        {
            throw new ArgumentException($"State name '{stateName}' and grain type '{type}' must be non-empty and free of NUL characters.");
        }

        var key = grainId.Key.Value;
        var buffer = new byte[Encoding.UTF8.GetByteCount(stateName) + Encoding.UTF8.GetByteCount(type) + Encoding.UTF8.GetByteCount(key) + 2];
        var n = Encoding.UTF8.GetBytes(stateName, buffer);
        buffer[n++] = 0;
        n += Encoding.UTF8.GetBytes(type, buffer.AsSpan(n));
        buffer[n++] = 0;
        Encoding.UTF8.GetBytes(key, buffer.AsSpan(n));
        return buffer;
    }

    public static byte[] RecordValue(long etag, ReadOnlySpan<byte> payload)
    {
        var value = new byte[HeaderSize + payload.Length];
        value[0] = FormatVersion;
        BinaryPrimitives.WriteInt64LittleEndian(value.AsSpan(1), etag);
        payload.CopyTo(value.AsSpan(HeaderSize));
        return value;
    }

    public static long ReadEtag(ReadOnlySpan<byte> value)
    {
        if (value.Length < HeaderSize || value[0] != FormatVersion)
        {
            throw new InvalidDataException($"A grain state record has an unknown format (version byte {(value.Length > 0 ? value[0] : -1)}).");
        }

        return BinaryPrimitives.ReadInt64LittleEndian(value[1..]);
    }
}
