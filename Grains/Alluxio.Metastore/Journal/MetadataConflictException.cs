namespace Alluxio.Metastore.Journal;

/// <summary>Why a journal entry could not be applied to the current state.</summary>
public enum ConflictKind
{
    /// <summary>Something the entry needs does not exist (anymore).</summary>
    NotFound,

    /// <summary>Something the entry creates exists already.</summary>
    AlreadyExists,

    /// <summary>The state does not allow it (directory not empty, a mount point in the way, a cycle).</summary>
    FailedPrecondition,

    /// <summary>The entry itself is malformed.</summary>
    InvalidArgument,
}

/// <summary>
/// A journal entry does not fit the state it would be applied to (another mutation got there first, or the entry is
/// malformed). The entry is not journaled and changes nothing.
/// </summary>
public sealed class MetadataConflictException(ConflictKind kind, string message) : Exception(message)
{
    public ConflictKind Kind { get; } = kind;
}
