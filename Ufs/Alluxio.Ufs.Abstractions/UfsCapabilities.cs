namespace Alluxio.Ufs;

/// <summary>What a connector can do natively; callers choose strategies from these (immutable).</summary>
public sealed record UfsCapabilities
{
    /// <summary>Renames of files and directories are atomic (local file systems); object stores copy then delete.</summary>
    public bool SupportsAtomicRename { get; init; }

    /// <summary>Owner and group are real and can be changed with <see cref="IUnderFileSystem.SetOwnerAsync"/>.</summary>
    public bool SupportsOwnership { get; init; }

    /// <summary>Permission bits are real and can be changed with <see cref="IUnderFileSystem.SetModeAsync"/>.</summary>
    public bool SupportsMode { get; init; }

    /// <summary><see cref="IUnderFileSystem.Watch"/> returns change notifications (active sync).</summary>
    public bool SupportsActiveSync { get; init; }

    /// <summary>An object store: directories are emulated by key prefixes, listing may be eventually consistent.</summary>
    public bool IsObjectStore { get; init; }

    /// <summary><see cref="UfsStatus.ContentHash"/> is filled in (e.g. ETags).</summary>
    public bool HasContentHash { get; init; }
}
