using Alluxio.Runtime.Activation;

namespace Alluxio.Runtime.Invocation;

/// <summary>The grain side of one enumeration: the grain's enumerator, its token, and a move still in flight.</summary>
internal sealed class GrainEnumeratorState<T>(IAsyncEnumerator<T> inner, CancellationTokenSource cancellation) : IGrainEnumeratorState
{
    public IAsyncEnumerator<T> Inner { get; } = inner;

    /// <summary>A MoveNextAsync started by the previous batch that had not completed when that batch was sent.</summary>
    public ValueTask<bool>? PendingMove { get; set; }

    /// <summary>The grain's enumerator failed after items that went out first; the next batch reports it.</summary>
    public Exception? PendingError { get; set; }

    /// <summary>A batch is being filled (turn-only).</summary>
    public bool Filling { get; set; }

    /// <summary>The caller closed the enumeration while a batch was being filled: dispose when it ends (turn-only).</summary>
    public bool Abandoned { get; set; }

    public void Cancel()
    {
        try
        {
            cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Already disposed with the enumerator.
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (PendingMove is { } pending)
            {
                PendingMove = null;
                try
                {
                    await pending;
                }
                catch (OperationCanceledException)
                {
                    // Cancelled on purpose.
                }
            }

            await Inner.DisposeAsync();
        }
        finally
        {
            cancellation.Dispose();
        }
    }
}
