using Microsoft.AspNetCore.Http;

namespace Alluxio.Grpc.Server.Internal;

/// <summary>One bound rpc, servable on Kestrel and on the project's own HTTP/2 server alike.</summary>
internal interface IServerCallHandler
{
    /// <summary>Serves a Kestrel request: the protocol checks, then the call.</summary>
    Task HandleCallAsync(HttpContext httpContext);

    /// <summary>Runs the call on a stream whose request already passed the protocol checks; ends it with its status.</summary>
    Task HandleAsync(IServerCallTransport transport);
}
