namespace Alluxio.Tiers.Options;

/// <summary>How blocks are ranked for eviction and promotion (Alluxio's <c>alluxio.worker.block.annotator.class</c>).</summary>
public enum AnnotatorKind
{
    /// <summary>Least recently used first (Alluxio's default, LRUAnnotator).</summary>
    Lru = 0,

    /// <summary>Least recently/frequently used: a decayed access count (LRFUAnnotator).</summary>
    Lrfu = 1,
}
