namespace Alluxio.Ufs;

/// <summary>The life of a <see cref="UfsOutputStream"/>: open, then exactly one of committed or aborted.</summary>
public enum UfsOutputState
{
    /// <summary>Accepting writes; nothing visible yet.</summary>
    Open,

    /// <summary>The file is visible at its path.</summary>
    Committed,

    /// <summary>Everything written was discarded.</summary>
    Aborted,
}
