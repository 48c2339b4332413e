using Alluxio.Grpc.Protocol;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;

namespace Alluxio.Grpc.Server.Internal;

/// <summary>Request checks every gRPC endpoint shares.</summary>
internal static class ProtocolChecks
{
    public static bool Accept(HttpContext httpContext, ServerRuntime runtime, bool streamsRequests)
    {
        var request = httpContext.Request;
        var response = httpContext.Response;
        if (!HttpProtocol.IsHttp2(request.Protocol) && !HttpProtocol.IsHttp3(request.Protocol))
        {
            Reject(httpContext, runtime, StatusCodes.Status426UpgradeRequired, $"Request protocol '{request.Protocol}' is not supported; gRPC needs HTTP/2.");
            response.Headers.Upgrade = "h2";
            return false;
        }

        if (!GrpcProtocol.IsGrpcContentType(request.ContentType))
        {
            Reject(httpContext, runtime, StatusCodes.Status415UnsupportedMediaType, $"Content-Type '{request.ContentType}' is not supported; gRPC needs application/grpc.");
            return false;
        }

        // Message sizes are limited per message (MaxReceiveMessageSize), not per request body.
        var bodySize = httpContext.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (bodySize is { IsReadOnly: false })
            bodySize.MaxRequestBodySize = null;
        if (streamsRequests && httpContext.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } rate)
            rate.MinDataRate = null;
        return true;
    }

    private static void Reject(HttpContext httpContext, ServerRuntime runtime, int httpStatus, string message)
    {
        ServerLog.RequestRejected(runtime.Logger, message);
        var response = httpContext.Response;
        response.StatusCode = httpStatus;
        response.Headers.GrpcStatus = GrpcProtocol.StatusToString(StatusCode.Internal);
        response.Headers.GrpcMessage = StatusMessageEncoding.Encode(message);
    }
}
