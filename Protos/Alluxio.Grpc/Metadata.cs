using System.Collections;

namespace Alluxio.Grpc;

/// <summary>
/// Call headers or trailers: an ordered list of key/value entries. Keys are lower-case ASCII
/// (<c>[a-z0-9_.-]</c>); keys ending in <c>-bin</c> carry bytes, sent base64-encoded (unpadded), all others carry
/// printable ASCII strings. Keys starting with <c>grpc-</c> are reserved for the protocol. Not thread-safe.
/// </summary>
public sealed class Metadata : IReadOnlyList<Metadata.Entry>
{
    /// <summary>The suffix that marks a binary entry.</summary>
    public const string BinaryHeaderSuffix = "-bin";

    private readonly List<Entry> _entries = [];

    public int Count => _entries.Count;

    public Entry this[int index] => _entries[index];

    /// <summary>Adds an ASCII entry.</summary>
    public Metadata Add(string key, string value)
    {
        _entries.Add(new Entry(key, value));
        return this;
    }

    /// <summary>Adds a binary entry; the key must end with <c>-bin</c>.</summary>
    public Metadata Add(string key, byte[] valueBytes)
    {
        _entries.Add(new Entry(key, valueBytes));
        return this;
    }

    public void Add(Entry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _entries.Add(entry);
    }

    /// <summary>The last entry with this key, or null.</summary>
    public Entry? Get(string key)
    {
        var normalized = Entry.NormalizeKey(key);
        for (var i = _entries.Count - 1; i >= 0; i--)
        {
            if (_entries[i].Key == normalized)
                return _entries[i];
        }

        return null;
    }

    /// <summary>The string value of the last ASCII entry with this key, or null.</summary>
    public string? GetValue(string key) => Get(key) is { IsBinary: false } e ? e.Value : null;

    /// <summary>The bytes of the last binary entry with this key, or null.</summary>
    public byte[]? GetValueBytes(string key) => Get(key) is { IsBinary: true } e ? e.ValueBytes : null;

    /// <summary>Every entry with this key, in order.</summary>
    public IEnumerable<Entry> GetAll(string key)
    {
        var normalized = Entry.NormalizeKey(key);
        foreach (var e in _entries)
        {
            if (e.Key == normalized)
                yield return e;
        }
    }

    /// <summary>Removes every entry with this key; returns how many were removed.</summary>
    public int Remove(string key)
    {
        var normalized = Entry.NormalizeKey(key);
        return _entries.RemoveAll(e => e.Key == normalized);
    }

    public void Clear() => _entries.Clear();

    public List<Entry>.Enumerator GetEnumerator() => _entries.GetEnumerator();

    IEnumerator<Entry> IEnumerable<Entry>.GetEnumerator() => _entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => _entries.GetEnumerator();

    public override string ToString() => "Metadata[" + string.Join(", ", _entries) + "]";

    /// <summary>One key/value pair.</summary>
    public sealed class Entry
    {
        private readonly string? _value;
        private readonly byte[]? _valueBytes;

        public Entry(string key, string value)
        {
            ArgumentNullException.ThrowIfNull(value);
            Key = NormalizeKey(key);
            if (IsBinaryKey(Key))
                throw new ArgumentException($"Metadata key '{Key}' ends with '-bin' and needs a byte[] value.", nameof(value));
            foreach (var c in value)
            {
                if (c < 0x20 || c > 0x7E)
                    throw new ArgumentException($"Metadata value for '{Key}' must be printable ASCII; use a '-bin' key for other data.", nameof(value));
            }

            _value = value;
        }

        public Entry(string key, byte[] valueBytes)
        {
            ArgumentNullException.ThrowIfNull(valueBytes);
            Key = NormalizeKey(key);
            if (!IsBinaryKey(Key))
                throw new ArgumentException($"Metadata key '{Key}' carries bytes, so it must end with '-bin'.", nameof(key));
            _valueBytes = valueBytes;
        }

        /// <summary>The lower-case key.</summary>
        public string Key { get; }

        public bool IsBinary => _valueBytes is not null;

        /// <summary>The ASCII value; for a binary entry, its base64 form as sent on the wire.</summary>
        public string Value => _value ?? Convert.ToBase64String(_valueBytes!).TrimEnd('=');

        /// <summary>The bytes of a binary entry; for an ASCII entry, its ASCII bytes.</summary>
        public byte[] ValueBytes => _valueBytes ?? System.Text.Encoding.ASCII.GetBytes(_value!);

        public override string ToString() => IsBinary ? $"{Key}=[{_valueBytes!.Length} bytes]" : $"{Key}={_value}";

        internal static bool IsBinaryKey(string key) => key.EndsWith(BinaryHeaderSuffix, StringComparison.Ordinal);

        internal static string NormalizeKey(string key)
        {
            ArgumentException.ThrowIfNullOrEmpty(key);
            var needsLower = false;
            foreach (var c in key)
            {
                if (c is >= 'A' and <= 'Z')
                {
                    needsLower = true;
                    continue;
                }

                if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '-' or '_' or '.'))
                    throw new ArgumentException($"Metadata key '{key}' may contain only a-z, 0-9, '-', '_' and '.'.", nameof(key));
            }

            return needsLower ? key.ToLowerInvariant() : key;
        }
    }
}
