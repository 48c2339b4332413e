using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace Alluxio.Grpc.Server.Internal;

/// <summary>A call's stream on Kestrel: the <see cref="HttpContext"/> of the request.</summary>
internal sealed class KestrelCallTransport(HttpContext httpContext) : IServerCallTransport
{
    public HttpContext HttpContext { get; } = httpContext;

    public string Peer
    {
        get
        {
            var connection = HttpContext.Connection;
            return connection.RemoteIpAddress switch
            {
                null => "unknown",
                { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } ip => $"ipv6:[{ip}]:{connection.RemotePort}",
                var ip => $"ipv4:{ip}:{connection.RemotePort}",
            };
        }
    }

    public CancellationToken Aborted => HttpContext.RequestAborted;

    public IServiceProvider RequestServices => HttpContext.RequestServices;

    public PipeReader RequestBody => HttpContext.Request.BodyReader;

    public IBufferWriter<byte> ResponseBody => HttpContext.Response.BodyWriter;

    public bool ResponseStarted => HttpContext.Response.HasStarted;

    public string? RequestHeader(string name) =>
        HttpContext.Request.Headers.TryGetValue(name, out var value) && !StringValues.IsNullOrEmpty(value) ? value.ToString() : null;

    public IEnumerable<KeyValuePair<string, string>> RequestHeaders()
    {
        foreach (var header in HttpContext.Request.Headers)
        {
            if (header.Key.Length == 0 || header.Key[0] == ':')
                continue;
            foreach (var value in header.Value)
            {
                if (value is not null)
                    yield return new(header.Key, value);
            }
        }
    }

    public void SetResponseHeader(string name, string value) => HttpContext.Response.Headers[name] = value;

    public void AppendResponseHeader(string name, string value) => HttpContext.Response.Headers.Append(name, value);

    public async ValueTask<bool> FlushAsync(CancellationToken cancellationToken) =>
        !(await HttpContext.Response.BodyWriter.FlushAsync(cancellationToken).ConfigureAwait(false)).IsCanceled;

    public void EndCall(IReadOnlyList<KeyValuePair<string, string>> fields, bool trailersOnly)
    {
        IHeaderDictionary target;
        if (trailersOnly && !HttpContext.Response.HasStarted)
        {
            target = HttpContext.Response.Headers; // Trailers-Only: one HEADERS frame with END_STREAM carrying the status
        }
        else
        {
            if (HttpContext.Features.Get<IHttpResponseTrailersFeature>() is not { } trailers)
                return;
            target = trailers.Trailers;
        }

        foreach (var (name, value) in fields)
            target.Append(name, value);
    }
}
