namespace Alluxio.Grpc.Http2.Hpack;

/// <summary>One header field: a lower-case name and its value (pseudo-header names start with ':').</summary>
public readonly record struct HeaderField(string Name, string Value)
{
    /// <summary>The bytes the field takes in an HPACK table, and in a header list's size (RFC 7541 section 4.1).</summary>
    public int Size => Name.Length + Value.Length + 32;
}
