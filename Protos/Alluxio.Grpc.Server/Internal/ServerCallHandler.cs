using Alluxio.Grpc.Protocol;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace Alluxio.Grpc.Server.Internal;

/// <summary>
/// Serves one rpc: checks the request is gRPC, runs the handler under a call context, and always ends the call
/// with a status (handler exceptions are mapped to one, never leaked as HTTP errors).
/// </summary>
internal abstract class ServerCallHandler<TRequest, TResponse> : IServerCallHandler
    where TRequest : class, IMessage<TRequest>
    where TResponse : class, IMessage<TResponse>
{
    protected ServerCallHandler(Method<TRequest, TResponse> method, ServerRuntime runtime)
    {
        Method = method;
        Runtime = runtime;
    }

    public Method<TRequest, TResponse> Method { get; }

    protected ServerRuntime Runtime { get; }

    /// <summary>Whether the request body is a stream that may idle (then Kestrel's minimum data rate is lifted).</summary>
    protected virtual bool StreamsRequests => false;

    public Task HandleCallAsync(HttpContext httpContext)
    {
        if (!ProtocolChecks.Accept(httpContext, Runtime, StreamsRequests))
            return Task.CompletedTask;
        return HandleAsync(new KestrelCallTransport(httpContext));
    }

    protected abstract Task HandleCoreAsync(HttpServerCallContext context);

    protected async Task<TRequest> ReadSingleRequestAsync(HttpServerCallContext context)
    {
        return await PipeMessageReader.ReadMessageAsync(context.Transport.RequestBody, Method.RequestParser,
                   context.MaxReceiveMessageSize, context.RequestEncoding, context.CancellationToken).ConfigureAwait(false)
               ?? throw new RpcException(new Status(StatusCode.Internal, "The request did not include a message."));
    }

    protected static void WriteSingleResponse(HttpServerCallContext context, TResponse? response)
    {
        if (response is null)
            throw new RpcException(new Status(StatusCode.Internal, "The handler returned no response message (null)."));

        // A handler that set an error status sends no message, only the status.
        if (context.Status.StatusCode == StatusCode.OK)
            context.WriteMessage(response);
    }

    /// <summary>Runs the call on <paramref name="transport"/> (whose request passed the protocol checks) and ends it with its status.</summary>
    public async Task HandleAsync(IServerCallTransport transport)
    {
        var context = new HttpServerCallContext(transport, Method.FullName, Runtime);
        try
        {
            context.Initialize();
            await HandleCoreAsync(context).ConfigureAwait(false);
            context.EndCall(context.Status);
        }
        catch (Exception ex)
        {
            context.EndCall(context.StatusFromException(ex));
        }
        finally
        {
            context.Dispose();
        }
    }
}
