namespace Alluxio.Runtime.Tests.Grains;

/// <summary>Calls that yield mid-way, to observe how requests interleave.</summary>
public interface ITurnCalls : IGrain
{
    /// <summary>Records start/end around a few awaits.</summary>
    Task Work(int index);

    /// <summary>Waits for the named gate (opened by another call or the test).</summary>
    [ResponseTimeout("00:00:01")]
    Task WaitForGate(string gate);

    /// <summary>Opens a gate.</summary>
    Task OpenGate(string gate);

    /// <summary>Opens a gate; interleaves with anything.</summary>
    [AlwaysInterleave]
    Task OpenGateInterleaved(string gate);

    /// <summary>Read-only: enters, waits for the gate, exits.</summary>
    [ReadOnly]
    Task<int> ReadWhileGated(string gate);

    /// <summary>The most calls that were in flight at once.</summary>
    [AlwaysInterleave]
    Task<int> MaxInFlight();
}

/// <summary>Turn calls on a non-reentrant grain.</summary>
public interface ITurnGrain : ITurnCalls, IGrainWithIntegerKey;

/// <summary>Turn calls on a reentrant grain.</summary>
public interface IReentrantTurnGrain : ITurnCalls, IGrainWithIntegerKey;
