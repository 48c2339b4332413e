using Alluxio.Grpc.Server.Internal;
using Microsoft.AspNetCore.Http;

namespace Alluxio.Grpc.Server;

/// <summary>Access to the ASP.NET Core side of a call.</summary>
public static class ServerCallContextExtensions
{
    /// <summary>The <see cref="HttpContext"/> of the call (connection info, features, request services).</summary>
    /// <exception cref="InvalidOperationException">The context does not come from this server.</exception>
    public static HttpContext GetHttpContext(this ServerCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context is HttpServerCallContext { Transport: KestrelCallTransport kestrel }
            ? kestrel.HttpContext
            : throw new InvalidOperationException($"{context.GetType().Name} is not a call context of the Kestrel gRPC server.");
    }
}
