namespace Alluxio.Tiers.Store;

/// <summary>What is happening to a committed block (guarded by the store's lock).</summary>
internal enum BlockState
{
    /// <summary>At rest: may be opened, moved, evicted or removed.</summary>
    Committed = 0,

    /// <summary>Being copied to another directory (promotion, demotion, eviction down a tier); opens wait.</summary>
    Moving = 1,

    /// <summary>Being deleted (removal or eviction from the last tier); opens fail.</summary>
    Removing = 2,

    /// <summary>Gone from the store; readers that still hold it only release it.</summary>
    Gone = 3,
}
