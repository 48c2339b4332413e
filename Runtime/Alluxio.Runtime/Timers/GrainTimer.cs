namespace Alluxio.Runtime.Timers;

/// <summary>The runtime side of a grain timer, shared by its typed implementations.</summary>
internal abstract class GrainTimer : IGrainTimer
{
    public abstract void Change(TimeSpan dueTime, TimeSpan period);

    public abstract void Dispose();

    /// <summary>Stops the timer because its activation is deactivating (no call back into the activation).</summary>
    public abstract void DisposeForDeactivation();

    /// <summary>Runs the callback; called on the activation's turn.</summary>
    internal abstract Task InvokeAsync();

    /// <summary>Called on the turn after a tick finished (or was dropped); schedules the next one.</summary>
    internal abstract void OnTickCompleted(Exception? error);
}
