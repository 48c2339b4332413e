using Alluxio.Grpc.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Alluxio.Grpc.Server.Internal;

/// <summary>Answers gRPC requests for unknown services or methods with UNIMPLEMENTED (Trailers-Only).</summary>
internal static class Unimplemented
{
    public const string ServiceParameter = "grpcUnimplementedService";
    public const string MethodParameter = "grpcUnimplementedMethod";

    public static RequestDelegate Handler(ServerRuntime runtime, string message) => httpContext =>
    {
        if (!ProtocolChecks.Accept(httpContext, runtime, streamsRequests: false))
            return Task.CompletedTask;
        var response = httpContext.Response;
        response.ContentType = GrpcProtocol.ContentType;
        response.Headers.GrpcStatus = GrpcProtocol.StatusToString(StatusCode.Unimplemented);
        response.Headers.GrpcMessage = StatusMessageEncoding.Encode(message);
        return Task.CompletedTask;
    };

    /// <summary>Lets the catch-all routes match only gRPC requests, so they never shadow other POST endpoints.</summary>
    internal sealed class GrpcRequestConstraint : IRouteConstraint
    {
        public bool Match(HttpContext? httpContext, IRouter? route, string routeKey, RouteValueDictionary values, RouteDirection routeDirection) =>
            httpContext is null
            || (HttpMethods.IsPost(httpContext.Request.Method) && GrpcProtocol.IsGrpcContentType(httpContext.Request.ContentType));
    }
}
