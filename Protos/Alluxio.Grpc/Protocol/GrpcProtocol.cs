namespace Alluxio.Grpc.Protocol;

/// <summary>Header names and values of the gRPC-over-HTTP/2 protocol (PROTOCOL-HTTP2.md).</summary>
public static class GrpcProtocol
{
    public const string ContentType = "application/grpc";
    public const string ContentTypeHeader = "content-type";
    public const string TeHeader = "te";
    public const string TeTrailers = "trailers";
    public const string TimeoutHeader = "grpc-timeout";
    public const string EncodingHeader = "grpc-encoding";
    public const string AcceptEncodingHeader = "grpc-accept-encoding";
    public const string StatusHeader = "grpc-status";
    public const string MessageHeader = "grpc-message";
    public const string UserAgentHeader = "user-agent";
    public const string IdentityEncoding = "identity";
    public const string GzipEncoding = "gzip";

    /// <summary>What this implementation can decode: sent as <c>grpc-accept-encoding</c>.</summary>
    public const string SupportedEncodings = "identity,gzip";

    /// <summary>The user agent the client sends.</summary>
    public const string UserAgent = "grpc-dotnet-alluxio/1.0";

    /// <summary>Default receive limit of client and server (4 MiB), as in the reference implementations.</summary>
    public const int DefaultMaxReceiveMessageSize = 4 * 1024 * 1024;

    private static readonly string[] s_statusStrings = Enumerable.Range(0, 17).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

    /// <summary>True for <c>application/grpc</c>, <c>application/grpc+proto</c>, <c>application/grpc;...</c>; false for grpc-web and others.</summary>
    public static bool IsGrpcContentType(string? contentType)
    {
        if (contentType is null || !contentType.StartsWith(ContentType, StringComparison.OrdinalIgnoreCase))
            return false;
        if (contentType.Length == ContentType.Length)
            return true;
        var next = contentType[ContentType.Length];
        return next is '+' or ';';
    }

    /// <summary>The decimal <c>grpc-status</c> value, without allocating for the standard codes.</summary>
    public static string StatusToString(StatusCode code)
    {
        var i = (int)code;
        return (uint)i < (uint)s_statusStrings.Length ? s_statusStrings[i] : i.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Parses a <c>grpc-status</c> value (decimal, no sign).</summary>
    public static bool TryParseStatus(string? value, out StatusCode code)
    {
        if (value is { Length: 1 } && value[0] is >= '0' and <= '9')
        {
            code = (StatusCode)(value[0] - '0');
            return true;
        }

        if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var i))
        {
            code = (StatusCode)i;
            return true;
        }

        code = StatusCode.Unknown;
        return false;
    }

    /// <summary>
    /// The status for a response without <c>grpc-status</c> (doc/http-grpc-status-mapping.md): what a proxy or a
    /// non-gRPC server answered.
    /// </summary>
    public static StatusCode FromHttpStatus(int httpStatus) => httpStatus switch
    {
        400 => StatusCode.Internal,
        401 => StatusCode.Unauthenticated,
        403 => StatusCode.PermissionDenied,
        404 => StatusCode.Unimplemented,
        429 or 502 or 503 or 504 => StatusCode.Unavailable,
        _ => StatusCode.Unknown,
    };

    /// <summary>The status for an HTTP/2 RST_STREAM error code received from the peer.</summary>
    public static StatusCode FromHttp2ErrorCode(long errorCode) => errorCode switch
    {
        0x7 => StatusCode.Unavailable,       // REFUSED_STREAM: nothing was processed, retry is safe
        0x8 => StatusCode.Cancelled,         // CANCEL
        0xb => StatusCode.ResourceExhausted, // ENHANCE_YOUR_CALM
        0xc => StatusCode.PermissionDenied,  // INADEQUATE_SECURITY
        _ => StatusCode.Internal,
    };
}
