namespace Alluxio.Runtime.Activation;

/// <summary>A grain's open IAsyncEnumerable result, held by its activation between batches.</summary>
internal interface IGrainEnumeratorState
{
    /// <summary>Fires the grain enumerator's cancellation token.</summary>
    void Cancel();

    /// <summary>A batch is being filled; disposal must wait for it (turn-only).</summary>
    bool Filling { get; }

    /// <summary>Asks the filling batch to dispose the enumerator when it ends (turn-only).</summary>
    bool Abandoned { get; set; }

    /// <summary>Disposes the grain's enumerator (on the activation's turn).</summary>
    ValueTask DisposeAsync();
}
