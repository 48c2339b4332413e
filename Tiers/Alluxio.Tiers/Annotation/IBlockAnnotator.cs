using Alluxio.Tiers.Store;

namespace Alluxio.Tiers.Annotation;

/// <summary>
/// Ranks blocks for eviction (lowest score first) and promotion (highest first). Time is the store's logical clock,
/// which advances by one per access. Called with the store's lock held.
/// </summary>
internal interface IBlockAnnotator
{
    /// <summary>Records an access at <paramref name="now"/>.</summary>
    void OnAccess(BlockEntry block, long now);

    /// <summary>The block's value at <paramref name="now"/>: higher = hotter.</summary>
    double Score(BlockEntry block, long now);
}
