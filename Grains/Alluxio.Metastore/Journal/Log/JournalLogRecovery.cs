using static Alluxio.Metastore.Journal.Log.JournalLogFormat;

namespace Alluxio.Metastore.Journal.Log;

/// <summary>
/// Brings a log directory to a consistent state at open: deletes leftover temporary files and segments of an older
/// epoch, validates every segment and the contiguity between them, and cuts a torn tail off the newest segment.
/// Damage anywhere else throws <see cref="JournalCorruptedException"/> and changes nothing further.
/// </summary>
internal static class JournalLogRecovery
{
    /// <summary>Recovers <paramref name="directory"/>; returns its segments (oldest first, never empty) and epoch.</summary>
    public static (List<JournalSegment> Segments, long Epoch) Recover(string directory, JournalLogOptions options, IJournalFileSystem fileSystem)
    {
        var report = options.OnRecovery ?? (_ => { });
        var segments = new List<JournalSegment>();
        var directoryChanged = false;
        foreach (var path in fileSystem.ListFiles(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(path);
            if (name.EndsWith(SegmentExtension + TemporarySuffix, StringComparison.Ordinal))
            {
                fileSystem.Delete(path);
                directoryChanged = true;
                report(new JournalRecoveryEvent(JournalRecoveryKind.TemporaryFileDeleted, path, 0, "left by an interrupted segment creation or reset"));
            }
            else if (TryParseSegmentFileName(name, out var firstSequence))
            {
                segments.Add(ReadHeader(fileSystem, path, firstSequence));
            }
        }

        var epoch = segments.Count == 0 ? 1 : segments.Max(s => s.Epoch);
        foreach (var stale in segments.Where(s => s.Epoch < epoch))
        {
            fileSystem.Delete(stale.Path);
            directoryChanged = true;
            report(new JournalRecoveryEvent(JournalRecoveryKind.StaleSegmentDeleted, stale.Path, 0, $"epoch {stale.Epoch} predates the reset to epoch {epoch}"));
        }

        if (directoryChanged && options.FsyncEnabled)
        {
            fileSystem.SyncDirectory(directory);
        }

        segments = [.. segments.Where(s => s.Epoch == epoch).OrderBy(s => s.FirstSequence)];
        if (segments.Count == 0)
        {
            segments.Add(SegmentFiles.Create(fileSystem, directory, firstSequence: 1, epoch, options.FsyncEnabled));
            return (segments, epoch);
        }

        for (var i = 0; i < segments.Count; i++)
        {
            if (i > 0 && segments[i].FirstSequence != segments[i - 1].LastSequence + 1)
            {
                throw new JournalCorruptedException(segments[i].Path, 0,
                    $"a gap in the log: the segment starts at sequence {segments[i].FirstSequence} but the previous segment '{segments[i - 1].Path}' ends at {segments[i - 1].LastSequence}");
            }

            ScanSegment(fileSystem, segments[i], isNewest: i == segments.Count - 1, options, report);
        }

        return (segments, epoch);
    }

    private static JournalSegment ReadHeader(IJournalFileSystem fileSystem, string path, long firstSequence)
    {
        Span<byte> bytes = stackalloc byte[HeaderSize];
        int read;
        using (var file = fileSystem.OpenRead(path))
        {
            read = 0;
            int n;
            while (read < HeaderSize && (n = file.Read(bytes[read..], read)) > 0)
            {
                read += n;
            }
        }

        if (!SegmentHeader.TryRead(bytes[..read], out var header, out var problem))
        {
            throw new JournalCorruptedException(path, 0, problem);
        }

        if (header.FirstSequence != firstSequence)
        {
            throw new JournalCorruptedException(path, 0, $"the header says the segment starts at sequence {header.FirstSequence}, the file name says {firstSequence}");
        }

        return new JournalSegment(path, firstSequence, header.Epoch);
    }

    private static void ScanSegment(IJournalFileSystem fileSystem, JournalSegment segment, bool isNewest, JournalLogOptions options, Action<JournalRecoveryEvent> report)
    {
        using var file = isNewest ? fileSystem.OpenReadWrite(segment.Path) : fileSystem.OpenRead(segment.Path);
        var problem = SegmentScanner.Scan(file, segment);
        if (problem is null)
        {
            return;
        }

        if (!isNewest)
        {
            throw new JournalCorruptedException(segment.Path, segment.Length, $"{problem}, in a segment that is not the newest");
        }

        if (SegmentScanner.FindLaterBatch(file, segment, segment.Length, segment.LastSequence + 1) is { } later)
        {
            throw new JournalCorruptedException(segment.Path, segment.Length, $"{problem}, followed by an intact record of a later batch at offset {later}");
        }

        var fileLength = file.Length;
        file.SetLength(segment.Length);
        if (options.FsyncEnabled)
        {
            file.Flush();
        }

        report(new JournalRecoveryEvent(JournalRecoveryKind.TornTailTruncated, segment.Path, segment.Length,
            $"{problem}; cut {fileLength - segment.Length} bytes after sequence {segment.LastSequence}"));
    }
}
