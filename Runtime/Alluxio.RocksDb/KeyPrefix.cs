namespace Alluxio.RocksDb;

/// <summary>Prefix arithmetic for prefix scans.</summary>
internal static class KeyPrefix
{
    /// <summary>
    /// The smallest key greater than every key starting with <paramref name="prefix"/> (drop trailing 0xFF bytes,
    /// then increment the last byte), or null if there is none (empty or all-0xFF prefix).
    /// </summary>
    internal static byte[]? UpperBound(ReadOnlySpan<byte> prefix)
    {
        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] != 0xFF)
            {
                var bound = prefix[..(i + 1)].ToArray();
                bound[i]++;
                return bound;
            }
        }

        return null;
    }

    /// <summary>Whether the iterator's current key starts with <paramref name="prefix"/>.</summary>
    internal static bool Matches(RocksIterator iterator, ReadOnlySpan<byte> prefix) => iterator.Key().StartsWith(prefix);
}
