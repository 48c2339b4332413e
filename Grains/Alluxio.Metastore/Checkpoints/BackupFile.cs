using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;

namespace Alluxio.Metastore.Checkpoints;

/// <summary>
/// A backup of the whole namespace in one file: a gzip-compressed tar (<c>alluxio-backup-YYYY-MM-DD-&lt;ms&gt;.tar.gz</c>,
/// after Alluxio's naming) holding <c>BACKUP</c> (format version and journal sequence) and <c>checkpoint/</c> (a
/// checkpoint of the metadata store at that sequence). Restore puts the checkpoint into a fresh data directory and
/// starts the journal after that sequence.
/// </summary>
public static class BackupFile
{
    public const int FormatVersion = 1;

    /// <summary>Writes a backup of <paramref name="checkpoint"/> into <paramref name="directory"/>; returns the file's path.</summary>
    public static string Write(CheckpointInfo checkpoint, string directory, DateTimeOffset now)
    {
        Directory.CreateDirectory(directory);
        var name = $"alluxio-backup-{now:yyyy-MM-dd}-{now.ToUnixTimeMilliseconds()}.tar.gz";
        var path = Path.Combine(directory, name);
        var temp = path + ".partial";
        using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
        {
            using (var gzip = new GZipStream(file, CompressionLevel.Fastest, leaveOpen: true))
            using (var tar = new TarWriter(gzip, TarEntryFormat.Pax, leaveOpen: true))
            {
                var manifest = new PaxTarEntry(TarEntryType.RegularFile, "BACKUP")
                {
                    DataStream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(
                        string.Create(CultureInfo.InvariantCulture, $"format={FormatVersion}\nsequence={checkpoint.Sequence}\ncreated={now:O}\n"))),
                };
                tar.WriteEntry(manifest);
                foreach (var source in Directory.EnumerateFiles(checkpoint.Directory).Order(StringComparer.Ordinal))
                {
                    tar.WriteEntry(source, "checkpoint/" + Path.GetFileName(source));
                }
            }

            file.Flush(flushToDisk: true);
        }

        File.Move(temp, path);
        return path;
    }

    /// <summary>
    /// Extracts the backup's checkpoint into <paramref name="checkpoints"/> (as a complete checkpoint) and returns it.
    /// Throws <see cref="InvalidDataException"/> for a file that is not a backup of a supported format.
    /// </summary>
    public static CheckpointInfo Extract(string backupPath, CheckpointStore checkpoints)
    {
        if (!File.Exists(backupPath))
        {
            throw new FileNotFoundException($"The backup file {backupPath} does not exist.", backupPath);
        }

        var staging = Path.Combine(checkpoints.Directory, ".tmp-restore-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(staging);
        long? sequence = null;
        try
        {
            using (var file = File.OpenRead(backupPath))
            using (var gzip = new GZipStream(file, CompressionMode.Decompress))
            using (var tar = new TarReader(gzip))
            {
                while (tar.GetNextEntry() is { } entry)
                {
                    if (entry.Name == "BACKUP")
                    {
                        sequence = ParseManifest(entry.DataStream, backupPath);
                    }
                    else if (entry.Name.StartsWith("checkpoint/", StringComparison.Ordinal) && entry.EntryType == TarEntryType.RegularFile)
                    {
                        var fileName = Path.GetFileName(entry.Name);
                        if (fileName.Length == 0 || fileName != entry.Name["checkpoint/".Length..])
                        {
                            throw new InvalidDataException($"{backupPath} contains an unexpected entry '{entry.Name}'.");
                        }

                        entry.ExtractToFile(Path.Combine(staging, fileName), overwrite: false);
                    }
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            Directory.Delete(staging, recursive: true);
            throw new InvalidDataException($"{backupPath} is not a readable Alluxio.Orleans backup: {e.Message}", e);
        }

        if (sequence is not { } seq)
        {
            Directory.Delete(staging, recursive: true);
            throw new InvalidDataException($"{backupPath} has no BACKUP manifest: it is not an Alluxio.Orleans backup.");
        }

        return checkpoints.Create(seq, target => Directory.Move(staging, target));
    }

    private static long ParseManifest(Stream? data, string path)
    {
        if (data is null)
        {
            throw new InvalidDataException($"{path}: the BACKUP manifest is empty.");
        }

        using var reader = new StreamReader(data);
        var values = reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!values.TryGetValue("format", out var format) || format != FormatVersion.ToString(CultureInfo.InvariantCulture))
        {
            throw new InvalidDataException($"{path}: backup format {(values.GetValueOrDefault("format") ?? "?")} is not supported (this build reads {FormatVersion}).");
        }

        return long.Parse(values["sequence"], CultureInfo.InvariantCulture);
    }
}
