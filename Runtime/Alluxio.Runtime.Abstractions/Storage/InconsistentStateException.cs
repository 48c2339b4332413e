namespace Alluxio.Runtime.Storage;

/// <summary>
/// A write or clear found a different ETag in storage than the caller holds: someone else changed the record.
/// When it escapes a grain call, the activation is deactivated so the next call re-reads the state.
/// </summary>
public class InconsistentStateException : OrleansException
{
    /// <summary>Creates the exception.</summary>
    public InconsistentStateException(string message, string? storedEtag, string? currentEtag)
        : base($"{message} Stored ETag: {storedEtag ?? "<none>"}, caller's ETag: {currentEtag ?? "<none>"}.")
    {
        StoredEtag = storedEtag;
        CurrentEtag = currentEtag;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public InconsistentStateException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with an inner exception.</summary>
    public InconsistentStateException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The ETag found in storage (null: no record).</summary>
    public string? StoredEtag { get; }

    /// <summary>The ETag the caller held.</summary>
    public string? CurrentEtag { get; }
}
