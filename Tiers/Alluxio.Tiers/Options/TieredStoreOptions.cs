using System.Text.RegularExpressions;

namespace Alluxio.Tiers.Options;

/// <summary>
/// The worker's tiered block store. Tiers are ordered fastest first (index 0 is the top, where new blocks go).
/// Bound from the <c>Worker:TieredStore</c> configuration section; <see cref="Validate"/> is called at start-up.
/// </summary>
public sealed partial class TieredStoreOptions
{
    /// <summary>The tiers, fastest first (Alluxio's default: MEM, then SSD).</summary>
    public List<TierOptions> Tiers { get; set; } = [];

    /// <summary>How a directory is chosen for a new block.</summary>
    public AllocatorKind Allocator { get; set; } = AllocatorKind.MaxFree;

    /// <summary>How blocks are ranked for eviction and promotion.</summary>
    public AnnotatorKind Annotator { get; set; } = AnnotatorKind.Lru;

    /// <summary>LRFU: how much each access tick decays older accesses (Alluxio's <c>lrfu.step.factor</c>, 0.25).</summary>
    public double LrfuStepFactor { get; set; } = 0.25;

    /// <summary>LRFU: the base of the decay (Alluxio's <c>lrfu.attenuation.factor</c>, 2.0).</summary>
    public double LrfuAttenuationFactor { get; set; } = 2.0;

    /// <summary>Bytes a writer reserves at a time as its block grows (and at creation unless it states a size).</summary>
    public long ReservationBytes { get; set; } = 4 << 20;

    /// <summary>Bytes covered by one CRC32C in a block's checksum list (and the unit of verification on read).</summary>
    public int ChecksumChunkBytes { get; set; } = 1 << 20;

    /// <summary>Verify every chunk's CRC32C the first time a reader touches it.</summary>
    public bool VerifyChecksumsOnRead { get; set; } = true;

    /// <summary>Background promotion moves hot blocks up only while the upper tier is used below this fraction.</summary>
    public double PromotionQuotaFraction { get; set; } = 0.9;

    /// <summary>At most this many blocks move up per background promotion round.</summary>
    public int PromotionBlocksPerRound { get; set; } = 16;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first invalid setting.</summary>
    public void Validate()
    {
        if (Tiers.Count == 0)
        {
            throw new ArgumentException("Worker:TieredStore:Tiers must name at least one tier.");
        }

        var aliases = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var paths = new List<string>();
        for (var i = 0; i < Tiers.Count; i++)
        {
            var tier = Tiers[i];
            if (!AliasPattern().IsMatch(tier.Alias))
            {
                throw new ArgumentException($"Worker:TieredStore:Tiers:{i}:Alias '{tier.Alias}' must be 1-32 letters, digits, '_' or '-'.");
            }

            if (!aliases.Add(tier.Alias))
            {
                throw new ArgumentException($"Worker:TieredStore:Tiers:{i}:Alias '{tier.Alias}' is used by two tiers.");
            }

            if (tier.Directories.Count == 0)
            {
                throw new ArgumentException($"Worker:TieredStore:Tiers:{i} ({tier.Alias}) has no directories.");
            }

            for (var d = 0; d < tier.Directories.Count; d++)
            {
                var dir = tier.Directories[d];
                var name = $"Worker:TieredStore:Tiers:{i}:Directories:{d}";
                if (string.IsNullOrWhiteSpace(dir.Path) || !System.IO.Path.IsPathFullyQualified(dir.Path))
                {
                    throw new ArgumentException($"{name}:Path '{dir.Path}' must be an absolute path.");
                }

                if (dir.QuotaBytes <= 0)
                {
                    throw new ArgumentException($"{name}:QuotaBytes must be positive (was {dir.QuotaBytes}).");
                }

                var full = System.IO.Path.TrimEndingDirectorySeparator(System.IO.Path.GetFullPath(dir.Path)) + "/";
                var overlap = paths.FirstOrDefault(p => p.StartsWith(full, StringComparison.Ordinal) || full.StartsWith(p, StringComparison.Ordinal));
                if (overlap is not null)
                {
                    throw new ArgumentException($"{name}:Path '{dir.Path}' overlaps another tier directory '{overlap.TrimEnd('/')}'.");
                }

                paths.Add(full);
            }
        }

        if (ReservationBytes < 4096)
        {
            throw new ArgumentException($"Worker:TieredStore:ReservationBytes must be at least 4096 (was {ReservationBytes}).");
        }

        if (ChecksumChunkBytes < 4096 || (ChecksumChunkBytes & (ChecksumChunkBytes - 1)) != 0)
        {
            throw new ArgumentException($"Worker:TieredStore:ChecksumChunkBytes must be a power of two ≥ 4096 (was {ChecksumChunkBytes}).");
        }

        if (LrfuStepFactor is <= 0 or > 1 || LrfuAttenuationFactor < 2)
        {
            throw new ArgumentException("Worker:TieredStore:LrfuStepFactor must be in (0, 1] and LrfuAttenuationFactor ≥ 2.");
        }

        if (PromotionQuotaFraction is <= 0 or > 1 || PromotionBlocksPerRound < 0)
        {
            throw new ArgumentException("Worker:TieredStore:PromotionQuotaFraction must be in (0, 1] and PromotionBlocksPerRound ≥ 0.");
        }
    }

    /// <summary>Whether tier <paramref name="ordinal"/> fsyncs at commit.</summary>
    internal bool TrustCheckedBlocks(int ordinal) =>
        Tiers[ordinal].TrustCheckedBlocks ?? string.Equals(Tiers[ordinal].Alias, "MEM", StringComparison.OrdinalIgnoreCase);

    internal bool SyncOnCommit(int ordinal) =>
        Tiers[ordinal].SyncOnCommit ?? !string.Equals(Tiers[ordinal].Alias, "MEM", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,32}$")]
    private static partial Regex AliasPattern();
}
