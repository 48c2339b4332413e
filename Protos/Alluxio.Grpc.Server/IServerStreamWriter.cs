namespace Alluxio.Grpc.Server;

/// <summary>
/// The response stream of a server-streaming or duplex handler. Each write is flushed to the transport and its
/// task completes only when HTTP/2 flow control has room, so a handler that awaits its writes cannot outrun a slow
/// client. Writing after the call is cancelled throws <see cref="OperationCanceledException"/>.
/// </summary>
/// <typeparam name="T">The response message type.</typeparam>
public interface IServerStreamWriter<in T> : IAsyncStreamWriter<T>
{
}
