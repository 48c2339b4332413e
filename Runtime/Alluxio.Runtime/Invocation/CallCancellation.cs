namespace Alluxio.Runtime.Invocation;

/// <summary>
/// The cancellation link of a call whose method takes a CancellationToken: the token the grain sees, and the
/// registration on the caller's token. Allocated only for such methods.
/// </summary>
internal sealed class CallCancellation(CancellationTokenSource grainSide)
{
    public CancellationTokenSource GrainSide { get; } = grainSide;

    public CancellationTokenRegistration CallerRegistration { get; set; }

    /// <summary>Fires the grain's token (caller cancelled or timed out); harmless after the call finished.</summary>
    public void CancelGrain()
    {
        try
        {
            GrainSide.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The grain method already finished.
        }
    }

    public void Release()
    {
        CallerRegistration.Dispose();
        GrainSide.Dispose();
    }
}
