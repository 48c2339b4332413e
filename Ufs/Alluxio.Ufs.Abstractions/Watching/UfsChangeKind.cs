namespace Alluxio.Ufs;

/// <summary>The kind of a <see cref="UfsChange"/>.</summary>
public enum UfsChangeKind
{
    /// <summary>An entry appeared (also reported when a file is atomically replaced by a new one).</summary>
    Created,

    /// <summary>An entry's content or metadata changed.</summary>
    Changed,

    /// <summary>An entry disappeared.</summary>
    Deleted,

    /// <summary>An entry moved from <see cref="UfsChange.OldPath"/> to <see cref="UfsChange.Path"/>.</summary>
    Renamed,

    /// <summary>
    /// Notifications were lost (the OS queue or the watcher's buffer overflowed, or the watcher failed): everything
    /// under <see cref="UfsChange.Path"/> must be re-listed.
    /// </summary>
    RescanNeeded,
}
