using Alluxio.Tiers.Store;

namespace Alluxio.Tiers.Annotation;

/// <summary>Least recently used: the score is the time of the last access.</summary>
internal sealed class LruAnnotator : IBlockAnnotator
{
    public void OnAccess(BlockEntry block, long now) => block.LastAccess = now;

    public double Score(BlockEntry block, long now) => block.LastAccess;
}
