using Alluxio.Grpc.Http2;
using Alluxio.Grpc.Http2.Hpack;

namespace Alluxio.Grpc.Server.Http2;

/// <summary>
/// A request's header block checked as RFC 9113 section 8.3 asks: the pseudo-headers first, each once, no unknown
/// ones, lower-case names, no connection-specific fields, <c>te</c> only "trailers". A malformed request is a stream
/// error (PROTOCOL_ERROR).
/// </summary>
internal sealed class RequestHead
{
    private RequestHead(string method, string path, List<HeaderField> fields)
    {
        Method = method;
        Path = path;
        Fields = fields;
    }

    public string Method { get; }

    public string Path { get; }

    /// <summary>Every field but the pseudo-headers, in order.</summary>
    public List<HeaderField> Fields { get; }

    public string? this[string name]
    {
        get
        {
            foreach (var field in Fields)
            {
                if (field.Name == name)
                    return field.Value;
            }

            return null;
        }
    }

    /// <exception cref="Http2Exception">The header block is not a well-formed request (a stream error).</exception>
    public static RequestHead Parse(int streamId, List<HeaderField> block)
    {
        string? method = null, scheme = null, path = null, authority = null;
        var fields = new List<HeaderField>(block.Count);
        var regularSeen = false;
        foreach (var field in block)
        {
            var name = field.Name;
            if (name.Length == 0)
                throw Malformed(streamId, "A header field has an empty name.");
            if (name[0] == ':')
            {
                if (regularSeen)
                    throw Malformed(streamId, $"The pseudo-header {name} follows a regular header field.");
                switch (name)
                {
                    case ":method":
                        method = Once(streamId, method, field);
                        break;
                    case ":scheme":
                        scheme = Once(streamId, scheme, field);
                        break;
                    case ":path":
                        path = Once(streamId, path, field);
                        break;
                    case ":authority":
                        authority = Once(streamId, authority, field);
                        break;
                    default:
                        throw Malformed(streamId, $"{name} is not a request pseudo-header.");
                }

                continue;
            }

            regularSeen = true;
            foreach (var c in name)
            {
                if (c is >= 'A' and <= 'Z')
                    throw Malformed(streamId, $"The header name '{name}' is not lower-case.");
            }

            if (name is "connection" or "keep-alive" or "proxy-connection" or "transfer-encoding" or "upgrade")
                throw Malformed(streamId, $"The connection-specific header '{name}' is not allowed in HTTP/2.");
            if (name == "te" && field.Value != "trailers")
                throw Malformed(streamId, $"te may only be 'trailers', not '{field.Value}'.");
            fields.Add(field);
        }

        if (method is null || scheme is null || string.IsNullOrEmpty(path))
            throw Malformed(streamId, "A request needs :method, :scheme and :path.");
        _ = authority;
        return new RequestHead(method, path, fields);
    }

    private static string Once(int streamId, string? existing, HeaderField field) =>
        existing is null ? field.Value : throw Malformed(streamId, $"The pseudo-header {field.Name} appears twice.");

    private static Http2Exception Malformed(int streamId, string message) => Http2Exception.Stream(streamId, Http2ErrorCode.ProtocolError, message);
}
