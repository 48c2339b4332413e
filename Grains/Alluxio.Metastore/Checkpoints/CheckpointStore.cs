using System.Globalization;

namespace Alluxio.Metastore.Checkpoints;

/// <summary>
/// Checkpoints on disk: <c>checkpoints/&lt;sequence:D20&gt;/</c>, each a RocksDB checkpoint of the metadata store taken
/// when the store had applied exactly the journal up to that sequence, plus a <c>SEQUENCE</c> file. A checkpoint is
/// written into a temporary directory and renamed into place, so a crash never leaves a half checkpoint that looks
/// complete.
/// </summary>
public sealed class CheckpointStore(string directory)
{
    public const string SequenceFile = "SEQUENCE";

    public string Directory { get; } = directory;

    /// <summary>Complete checkpoints, newest first.</summary>
    public IReadOnlyList<CheckpointInfo> List()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        var found = new List<CheckpointInfo>();
        foreach (var dir in System.IO.Directory.EnumerateDirectories(Directory))
        {
            var name = Path.GetFileName(dir);
            if (name.StartsWith('.') || !long.TryParse(name, NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
            {
                continue;
            }

            var marker = Path.Combine(dir, SequenceFile);
            if (File.Exists(marker) && long.TryParse(File.ReadAllText(marker).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var recorded) && recorded == sequence)
            {
                found.Add(new CheckpointInfo(sequence, dir));
            }
        }

        return [.. found.OrderByDescending(c => c.Sequence)];
    }

    public CheckpointInfo? Latest => List().FirstOrDefault();

    /// <summary>Creates a checkpoint at <paramref name="sequence"/>; <paramref name="write"/> fills the directory it is given.</summary>
    public CheckpointInfo Create(long sequence, Action<string> write)
    {
        System.IO.Directory.CreateDirectory(Directory);
        var name = sequence.ToString("D20", CultureInfo.InvariantCulture);
        var final = Path.Combine(Directory, name);
        if (System.IO.Directory.Exists(final))
        {
            return new CheckpointInfo(sequence, final);
        }

        var temp = Path.Combine(Directory, ".tmp-" + name + "-" + Guid.NewGuid().ToString("N"));
        // RocksDB creates the directory itself and refuses an existing one.
        write(temp);
        File.WriteAllText(Path.Combine(temp, SequenceFile), sequence.ToString(CultureInfo.InvariantCulture));
        System.IO.Directory.Move(temp, final);
        return new CheckpointInfo(sequence, final);
    }

    /// <summary>Deletes all but the newest <paramref name="keep"/> checkpoints and leftover temporary directories; returns the oldest kept.</summary>
    public CheckpointInfo? Prune(int keep)
    {
        if (System.IO.Directory.Exists(Directory))
        {
            foreach (var leftover in System.IO.Directory.EnumerateDirectories(Directory, ".tmp-*"))
            {
                System.IO.Directory.Delete(leftover, recursive: true);
            }
        }

        var all = List();
        foreach (var old in all.Skip(keep))
        {
            System.IO.Directory.Delete(old.Directory, recursive: true);
        }

        return all.Take(keep).LastOrDefault();
    }

    /// <summary>Copies a checkpoint's files into <paramref name="target"/> (which must not exist) to open it as a live store.</summary>
    public static void CopyTo(CheckpointInfo checkpoint, string target)
    {
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in System.IO.Directory.EnumerateFiles(checkpoint.Directory))
        {
            var name = Path.GetFileName(file);
            if (name != SequenceFile)
            {
                File.Copy(file, Path.Combine(target, name));
            }
        }
    }
}
