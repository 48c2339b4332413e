namespace Alluxio.Runtime;

/// <summary>Why an activation was deactivated (names as Orleans').</summary>
public enum DeactivationReasonCode : byte
{
    /// <summary>No reason given.</summary>
    None,

    /// <summary>The silo is shutting down.</summary>
    ShuttingDown,

    /// <summary>Activation failed (constructor, state load or OnActivateAsync threw).</summary>
    ActivationFailed,

    /// <summary>The grain directory refused or lost the registration.</summary>
    DirectoryFailure,

    /// <summary>The activation was idle for longer than its collection age.</summary>
    ActivationIdle,

    /// <summary>The activation did not respond in time.</summary>
    ActivationUnresponsive,

    /// <summary>Another activation of the same grain won the registration.</summary>
    DuplicateActivation,

    /// <summary>A request was incompatible with the activation.</summary>
    IncompatibleRequest,

    /// <summary>Grain code asked for it (DeactivateOnIdle).</summary>
    ApplicationRequested,

    /// <summary>Grain code failed in a way that invalidates the activation (for example an ETag conflict).</summary>
    ApplicationError,

    /// <summary>A runtime failure.</summary>
    InternalFailure,

    /// <summary>The runtime asked for it.</summary>
    RuntimeRequested,
}
