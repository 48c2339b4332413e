using Alluxio.Tiers.Store;

namespace Alluxio.Tiers.Annotation;

/// <summary>
/// Least recently/frequently used (Lee et al.'s LRFU, as Alluxio's LRFUAnnotator): each access adds 1 to a value that
/// decays by F(x) = (1/attenuation)^(step·x) over x clock ticks. Step → 0 behaves like LFU, step = 1 like LRU.
/// </summary>
internal sealed class LrfuAnnotator(double stepFactor, double attenuationFactor) : IBlockAnnotator
{
    public void OnAccess(BlockEntry block, long now)
    {
        block.Crf = Score(block, now) + 1;
        block.LastAccess = now;
    }

    public double Score(BlockEntry block, long now) =>
        block.Crf * Math.Pow(1 / attenuationFactor, stepFactor * (now - block.LastAccess));
}
