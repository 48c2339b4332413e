namespace Alluxio.Grpc;

/// <summary>The request side of a client-streaming or duplex call.</summary>
/// <typeparam name="T">The request message type.</typeparam>
public interface IClientStreamWriter<in T> : IAsyncStreamWriter<T>
{
    /// <summary>Ends the request stream (END_STREAM); no more writes are allowed.</summary>
    Task CompleteAsync();
}
