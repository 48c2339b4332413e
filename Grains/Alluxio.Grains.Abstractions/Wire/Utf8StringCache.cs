using System.Text;

namespace Alluxio.Grains.Wire;

/// <summary>
/// Decodes short UTF-8 strings that repeat (owners, groups, states) to one shared string each. A small direct-mapped
/// table: a slot holds the bytes and the string decoded from them; a miss decodes and replaces the slot. Safe for any
/// number of threads without locks, since a slot is one immutable object swapped whole.
/// </summary>
internal sealed class Utf8StringCache
{
    private const int Slots = 64;
    private const int MaxLength = 64;
    private readonly Entry?[] _slots = new Entry?[Slots];

    public string Get(ReadOnlySpan<byte> bytes, Encoding encoding)
    {
        if (bytes.Length > MaxLength)
        {
            return encoding.GetString(bytes);
        }

        var slot = (int)((uint)(bytes.Length * 31 + bytes[0] * 7 + bytes[^1]) % Slots);
        if (Volatile.Read(ref _slots[slot]) is { } entry && bytes.SequenceEqual(entry.Bytes))
        {
            return entry.Text;
        }

        var text = encoding.GetString(bytes);
        Volatile.Write(ref _slots[slot], new Entry(bytes.ToArray(), text));
        return text;
    }

    private sealed record Entry(byte[] Bytes, string Text);
}
