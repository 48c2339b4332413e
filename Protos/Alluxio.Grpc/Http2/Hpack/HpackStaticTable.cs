namespace Alluxio.Grpc.Http2.Hpack;

/// <summary>The HPACK static table (RFC 7541 appendix A): indices 1..61.</summary>
public static class HpackStaticTable
{
    private static readonly HeaderField[] s_entries =
    [
        new(":authority", ""), new(":method", "GET"), new(":method", "POST"), new(":path", "/"), new(":path", "/index.html"),
        new(":scheme", "http"), new(":scheme", "https"), new(":status", "200"), new(":status", "204"), new(":status", "206"),
        new(":status", "304"), new(":status", "400"), new(":status", "404"), new(":status", "500"), new("accept-charset", ""),
        new("accept-encoding", "gzip, deflate"), new("accept-language", ""), new("accept-ranges", ""), new("accept", ""),
        new("access-control-allow-origin", ""), new("age", ""), new("allow", ""), new("authorization", ""),
        new("cache-control", ""), new("content-disposition", ""), new("content-encoding", ""), new("content-language", ""),
        new("content-length", ""), new("content-location", ""), new("content-range", ""), new("content-type", ""),
        new("cookie", ""), new("date", ""), new("etag", ""), new("expect", ""), new("expires", ""), new("from", ""),
        new("host", ""), new("if-match", ""), new("if-modified-since", ""), new("if-none-match", ""), new("if-range", ""),
        new("if-unmodified-since", ""), new("last-modified", ""), new("link", ""), new("location", ""),
        new("max-forwards", ""), new("proxy-authenticate", ""), new("proxy-authorization", ""), new("range", ""),
        new("referer", ""), new("refresh", ""), new("retry-after", ""), new("server", ""), new("set-cookie", ""),
        new("strict-transport-security", ""), new("transfer-encoding", ""), new("user-agent", ""), new("vary", ""),
        new("via", ""), new("www-authenticate", ""),
    ];

    private static readonly Dictionary<string, int> s_firstByName = BuildNames();
    private static readonly Dictionary<(string, string), int> s_byNameValue = BuildPairs();

    /// <summary>Entries in the table (61).</summary>
    public static int Count => s_entries.Length;

    /// <summary>The entry at <paramref name="index"/> (1-based).</summary>
    public static HeaderField Get(int index) => s_entries[index - 1];

    /// <summary>The index of the entry with this name and value, or 0.</summary>
    public static int IndexOf(string name, string value) => s_byNameValue.GetValueOrDefault((name, value));

    /// <summary>The index of the first entry with this name, or 0.</summary>
    public static int IndexOfName(string name) => s_firstByName.GetValueOrDefault(name);

    private static Dictionary<string, int> BuildNames()
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < s_entries.Length; i++)
            names.TryAdd(s_entries[i].Name, i + 1);
        return names;
    }

    private static Dictionary<(string, string), int> BuildPairs()
    {
        var pairs = new Dictionary<(string, string), int>();
        for (var i = 0; i < s_entries.Length; i++)
        {
            if (s_entries[i].Value.Length > 0)
                pairs.TryAdd((s_entries[i].Name, s_entries[i].Value), i + 1);
        }

        return pairs;
    }
}
