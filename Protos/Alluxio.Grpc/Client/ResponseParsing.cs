using System.Net;
using System.Net.Http.Headers;
using Alluxio.Grpc.Protocol;

namespace Alluxio.Grpc.Client;

/// <summary>Reading status and metadata off HTTP responses.</summary>
internal static class ResponseParsing
{
    /// <summary>
    /// Checks the response headers. Returns the final status when the call is already over: a Trailers-Only response
    /// (grpc-status in the headers) or a response that is not gRPC at all; null when messages and trailers follow.
    /// </summary>
    public static Status? CheckHeaders(HttpResponseMessage response)
    {
        if (TryGetHeader(response.Headers, GrpcProtocol.StatusHeader, out var statusValue))
            return ReadStatus(statusValue, response.Headers);

        var httpStatus = (int)response.StatusCode;
        if (response.StatusCode != HttpStatusCode.OK)
        {
            return new Status(GrpcProtocol.FromHttpStatus(httpStatus),
                $"Bad gRPC response. HTTP status code: {httpStatus}");
        }

        TryGetHeader(response.Content.Headers, "Content-Type", out var contentType);
        if (!GrpcProtocol.IsGrpcContentType(contentType))
            return new Status(StatusCode.Internal, $"Bad gRPC response. Invalid content-type value: {contentType ?? "(none)"}");
        return null;
    }

    /// <summary>The status in the trailers, or a synthesised INTERNAL status when there is none.</summary>
    public static Status ReadTrailersStatus(HttpResponseMessage response)
    {
        var trailers = response.TrailingHeaders;
        if (TryGetHeader(trailers, GrpcProtocol.StatusHeader, out var statusValue))
            return ReadStatus(statusValue, trailers);
        return new Status(StatusCode.Internal, "No grpc-status found on response.");
    }

    public static Status ReadStatus(string value, HttpHeaders headers)
    {
        if (!GrpcProtocol.TryParseStatus(value, out var code))
            return new Status(StatusCode.Unknown, $"Invalid grpc-status value '{value}'.");
        TryGetHeader(headers, GrpcProtocol.MessageHeader, out var message);
        return new Status(code, StatusMessageEncoding.Decode(message));
    }

    /// <summary>Custom metadata of a header block; grpc-status and grpc-message are left out, -bin values decoded.</summary>
    public static Metadata ToMetadata(HttpHeaders headers)
    {
        var metadata = new Metadata();
        foreach (var header in headers.NonValidated)
        {
            var key = header.Key;
            if (key.Length == 0 || key[0] == ':'
                || key.Equals(GrpcProtocol.StatusHeader, StringComparison.OrdinalIgnoreCase)
                || key.Equals(GrpcProtocol.MessageHeader, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (var value in header.Value)
                MetadataEncoding.AddEntry(metadata, key, value);
        }

        return metadata;
    }

    public static bool TryGetHeader(HttpHeaders headers, string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        if (headers.NonValidated.TryGetValues(name, out var values))
        {
            value = values.ToString();
            return true;
        }

        value = null;
        return false;
    }
}
