namespace Alluxio.Runtime.Activation;

/// <summary>An activation's lifecycle (Orleans': Creating → Activating → Valid → Deactivating → Invalid).</summary>
internal enum ActivationState
{
    /// <summary>Created in the catalog, nothing run yet.</summary>
    Creating,

    /// <summary>Registering, constructing the grain, reading state, running OnActivateAsync.</summary>
    Activating,

    /// <summary>Serving requests.</summary>
    Valid,

    /// <summary>Running OnDeactivateAsync; new requests wait and go to the next activation.</summary>
    Deactivating,

    /// <summary>Gone: removed from the catalog; accepts nothing.</summary>
    Invalid,
}
