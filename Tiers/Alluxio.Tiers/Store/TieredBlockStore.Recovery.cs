using System.Globalization;
using Alluxio.Tiers.Format;

namespace Alluxio.Tiers.Store;

public sealed partial class TieredBlockStore
{
    /// <summary>
    /// Rebuilds the index from disk, tiers top-down. A block is committed iff its data file and a valid sidecar of the
    /// same length are both in <c>blocks/</c> (commit renames the sidecar first, then the data). Everything in
    /// <c>tmp/</c>, lone or damaged files, and a second copy of a block (a crash in the middle of a move leaves one)
    /// are deleted. A directory that cannot be read is marked unhealthy and contributes no blocks.
    /// </summary>
    private void Recover()
    {
        foreach (var dir in _tiers.SelectMany(t => t.Directories))
        {
            int discarded = 0, recovered = 0;
            try
            {
                _files.CreateDirectory(dir.BlocksPath);
                _files.CreateDirectory(dir.TempPath);
                foreach (var file in _files.EnumerateFiles(dir.TempPath).ToList())
                {
                    TryDelete(file);
                    discarded++;
                }

                var files = _files.EnumerateFiles(dir.BlocksPath).Select(Path.GetFileName).ToHashSet(StringComparer.Ordinal);
                foreach (var name in files)
                {
                    if (name!.EndsWith(".meta", StringComparison.Ordinal))
                    {
                        if (!files.Contains(name[..^5]))
                        {
                            TryDelete(Path.Combine(dir.BlocksPath, name));
                            discarded++;
                        }

                        continue;
                    }

                    if (TryRecoverBlock(dir, name))
                    {
                        recovered++;
                    }
                    else
                    {
                        TryDelete(Path.Combine(dir.BlocksPath, name));
                        TryDelete(Path.Combine(dir.BlocksPath, name + ".meta"));
                        discarded++;
                    }
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _ = MarkFailed(dir, e);
                continue;
            }

            TieredStoreLog.Recovered(_logger, dir.Tier.Alias, dir.Path, recovered, dir.Committed, discarded);
        }
    }

    private bool TryRecoverBlock(StorageDirectory dir, string name)
    {
        if (!long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var blockId) || _blocks.ContainsKey(blockId))
        {
            return false;
        }

        var metaPath = dir.MetaFile(blockId);
        if (_files.GetLength(metaPath) < 0)
        {
            return false;
        }

        var checksums = BlockChecksums.Decode(ReadSmallFile(metaPath), out _);
        if (checksums is null || checksums.BlockId != blockId || _files.GetLength(dir.DataFile(blockId)) != checksums.Length)
        {
            return false;
        }

        var block = new BlockEntry(blockId, dir, checksums);
        _blocks.Add(blockId, block);
        dir.Blocks.Add(blockId, block);
        dir.Committed += block.Length;
        return true;
    }
}
