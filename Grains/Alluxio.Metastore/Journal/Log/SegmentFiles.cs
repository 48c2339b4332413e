using static Alluxio.Metastore.Journal.Log.JournalLogFormat;

namespace Alluxio.Metastore.Journal.Log;

/// <summary>
/// Creating segment files so that a file with a segment name always has a durable header: the header is written to
/// a temporary file and fsync'd, then the file is renamed into place and the directory fsync'd.
/// </summary>
internal static class SegmentFiles
{
    /// <summary>Writes (and fsyncs) the header of a new segment under its temporary name; returns that name.</summary>
    public static string WriteTemporary(IJournalFileSystem fileSystem, string path, SegmentHeader header, bool fsync)
    {
        var temporary = path + TemporarySuffix;
        try
        {
            using var file = fileSystem.Create(temporary);
            Span<byte> bytes = stackalloc byte[HeaderSize];
            header.Write(bytes);
            file.Write(bytes, 0);
            if (fsync)
            {
                file.Flush();
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(fileSystem, temporary);
            throw;
        }

        return temporary;
    }

    /// <summary>Renames the temporary file into place and fsyncs the directory: from here on the segment exists.</summary>
    public static void Publish(IJournalFileSystem fileSystem, string temporary, string path, bool fsync)
    {
        fileSystem.Move(temporary, path);
        if (fsync)
        {
            fileSystem.SyncDirectory(Path.GetDirectoryName(path)!);
        }
    }

    /// <summary>Creates and publishes an empty segment; returns its descriptor.</summary>
    public static JournalSegment Create(IJournalFileSystem fileSystem, string directory, long firstSequence, long epoch, bool fsync)
    {
        var path = Path.Combine(directory, SegmentFileName(firstSequence));
        var temporary = WriteTemporary(fileSystem, path, new SegmentHeader(firstSequence, epoch), fsync);
        Publish(fileSystem, temporary, path, fsync);
        return new JournalSegment(path, firstSequence, epoch);
    }

    /// <summary>Best-effort cleanup after a failure; a leftover temporary file is deleted by the next recovery.</summary>
    public static void TryDelete(IJournalFileSystem fileSystem, string path)
    {
        try
        {
            fileSystem.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Recovery deletes *.log.tmp files at the next open.
        }
    }
}
