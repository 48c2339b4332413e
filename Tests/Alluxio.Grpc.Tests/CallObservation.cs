namespace Alluxio.Grpc.Tests;

/// <summary>What the server side of one tagged call did.</summary>
public sealed class CallObservation
{
    public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>"completed", "cancelled" or "deadline".</summary>
    public TaskCompletionSource<string> Ended { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
