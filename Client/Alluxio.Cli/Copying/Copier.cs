using Alluxio.Cli.Formatting;
using Alluxio.Client;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Grains.Paths;

namespace Alluxio.Cli.Copying;

/// <summary>
/// The copies of copyFromLocal, copyToLocal and cp, with Alluxio's destination rules: a destination that is an
/// existing directory receives the source under its own name; a directory source is copied with its whole tree (empty
/// directories too); an existing destination file is never overwritten (exit 4). Each file copied prints
/// <c>Copied SRC to DST</c> (local paths as file:// URIs). A failed Alluxio write is cancelled (the incomplete file is
/// deleted); a local file is written under a temporary name and renamed into place, so neither side is left with a
/// partial file. One progress bar covers the whole copy.
/// </summary>
public sealed class Copier(CliContext context, FileSystem fs, OpenFileOptions read, CreateFileOptions write)
{
    /// <summary>Local file or directory to Alluxio. With mustBeRecursive (cp) a directory needs recursive (-R); copyFromLocal always recurses.</summary>
    public async Task FromLocalAsync(string localSource, string destination, bool mustBeRecursive, bool recursive, CancellationToken cancellationToken)
    {
        var source = LocalPaths.FromArgument(localSource);
        var isDirectory = Directory.Exists(source);
        if (!isDirectory && !File.Exists(source))
        {
            throw new FileDoesNotExistException($"Local path {source} does not exist.");
        }

        if (isDirectory && mustBeRecursive && !recursive)
        {
            throw new InvalidPathException($"{LocalPaths.ToUri(source)} is a directory; use -R to copy it.");
        }

        var target = await IntoDirectoryAsync(AlluxioPath.Normalize(destination), LocalPaths.Name(source), cancellationToken);
        if (!isDirectory)
        {
            using var single = context.Progress(new FileInfo(source).Length);
            await CopyFromLocalFileAsync(source, target, single, cancellationToken);
            return;
        }

        await RefuseFileAsync(target, cancellationToken);
        var directories = Directory.EnumerateDirectories(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var files = Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        await fs.CreateDirectoryAsync(target, DirectoryOptions(), cancellationToken);
        foreach (var directory in directories)
        {
            await fs.CreateDirectoryAsync(Beneath(target, Path.GetRelativePath(source, directory)), DirectoryOptions(), cancellationToken);
        }

        using var progress = context.Progress(files.Sum(f => new FileInfo(f).Length));
        foreach (var file in files)
        {
            await CopyFromLocalFileAsync(file, Beneath(target, Path.GetRelativePath(source, file)), progress, cancellationToken);
        }
    }

    /// <summary>Alluxio file or directory to a local path.</summary>
    public async Task ToLocalAsync(string source, string localDestination, bool mustBeRecursive, bool recursive, CancellationToken cancellationToken)
    {
        var status = await fs.GetStatusAsync(source, cancellationToken: cancellationToken);
        if (status.Folder && mustBeRecursive && !recursive)
        {
            throw new InvalidPathException($"{status.Path} is a directory; use -R to copy it.");
        }

        var target = LocalPaths.FromArgument(localDestination);
        if (Directory.Exists(target) && status.Name.Length > 0)
        {
            target = Path.Combine(target, status.Name);
        }

        if (!status.Folder)
        {
            using var single = context.Progress(status.Length);
            await CopyToLocalFileAsync(status.Path, target, single, cancellationToken);
            return;
        }

        if (File.Exists(target))
        {
            throw new FileAlreadyExistsException($"Local path {target} already exists and is not a directory.");
        }

        var entries = await ListAsync(status.Path, cancellationToken);
        Directory.CreateDirectory(target);
        foreach (var entry in entries.Where(e => e.Folder))
        {
            Directory.CreateDirectory(Path.Combine(target, Relative(status.Path, entry.Path)));
        }

        using var progress = context.Progress(entries.Sum(e => e.Length));
        foreach (var entry in entries.Where(e => !e.Folder))
        {
            await CopyToLocalFileAsync(entry.Path, Path.Combine(target, Relative(status.Path, entry.Path)), progress, cancellationToken);
        }
    }

    /// <summary>Alluxio to Alluxio (cp).</summary>
    public async Task WithinAsync(string source, string destination, bool recursive, CancellationToken cancellationToken)
    {
        var status = await fs.GetStatusAsync(source, cancellationToken: cancellationToken);
        if (status.Folder && !recursive)
        {
            throw new InvalidPathException($"{status.Path} is a directory; use -R to copy it.");
        }

        var target = await IntoDirectoryAsync(AlluxioPath.Normalize(destination), status.Name, cancellationToken);
        if (!status.Folder)
        {
            using var single = context.Progress(status.Length);
            await CopyWithinFileAsync(status.Path, target, single, cancellationToken);
            return;
        }

        if (AlluxioPath.IsSameOrAncestor(status.Path, target))
        {
            throw new InvalidPathException($"Cannot copy {status.Path} into itself ({target}).");
        }

        await RefuseFileAsync(target, cancellationToken);
        var entries = await ListAsync(status.Path, cancellationToken);
        await fs.CreateDirectoryAsync(target, DirectoryOptions(), cancellationToken);
        foreach (var entry in entries.Where(e => e.Folder))
        {
            await fs.CreateDirectoryAsync(Beneath(target, Relative(status.Path, entry.Path)), DirectoryOptions(), cancellationToken);
        }

        using var progress = context.Progress(entries.Sum(e => e.Length));
        foreach (var entry in entries.Where(e => !e.Folder))
        {
            await CopyWithinFileAsync(entry.Path, Beneath(target, Relative(status.Path, entry.Path)), progress, cancellationToken);
        }
    }

    private async Task CopyFromLocalFileAsync(string local, string destination, ProgressBar progress, CancellationToken cancellationToken)
    {
        await using (var input = new FileStream(local, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            await WriteAsync(input, destination, progress, cancellationToken);
        }

        Print($"Copied {LocalPaths.ToUri(local)} to {destination}", progress);
    }

    private async Task CopyWithinFileAsync(string source, string destination, ProgressBar progress, CancellationToken cancellationToken)
    {
        await using (var input = await fs.OpenReadAsync(source, read, cancellationToken))
        {
            await WriteAsync(input, destination, progress, cancellationToken);
        }

        Print($"Copied {source} to {destination}", progress);
    }

    /// <summary>Creates the Alluxio file and pumps the bytes; on any failure the incomplete file is cancelled (deleted).</summary>
    private async Task WriteAsync(Stream input, string destination, ProgressBar progress, CancellationToken cancellationToken)
    {
        var output = await fs.OpenWriteAsync(destination, write, cancellationToken);
        try
        {
            await StreamCopy.CopyAsync(input, output, long.MaxValue, progress, cancellationToken);
        }
        catch
        {
            await output.CancelAsync();
            throw;
        }

        await output.DisposeAsync(); // completes the file (or deletes it and throws)
    }

    private async Task CopyToLocalFileAsync(string source, string local, ProgressBar progress, CancellationToken cancellationToken)
    {
        if (File.Exists(local) || Directory.Exists(local))
        {
            throw new FileAlreadyExistsException($"Local path {local} already exists.");
        }

        await using var input = await fs.OpenReadAsync(source, read, cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(local)!);
        var temporary = $"{local}.alluxio-{Guid.NewGuid():N}.tmp";
        try
        {
            await using (var output = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.Asynchronous))
            {
                await StreamCopy.CopyAsync(input, output, long.MaxValue, progress, cancellationToken);
            }

            File.Move(temporary, local);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }

        Print($"Copied {source} to {LocalPaths.ToUri(local)}", progress);
    }

    /// <summary>
    /// A result line. With the bar on the same terminal, the bar is erased and stdout flushed, so the line does not land
    /// after the bar's text; the bar is drawn again below it at the next report.
    /// </summary>
    private void Print(string line, ProgressBar progress)
    {
        if (!progress.Visible)
        {
            context.Out.WriteLine(line);
            return;
        }

        progress.Clear();
        context.Out.WriteLine(line);
        context.Out.Flush();
    }

    /// <summary>Alluxio's rule: a destination that is an existing directory receives the source under its name.</summary>
    private async Task<string> IntoDirectoryAsync(string destination, string name, CancellationToken cancellationToken) =>
        name.Length > 0 && (await StatusOrNullAsync(destination, cancellationToken))?.Folder == true
            ? AlluxioPath.Join(destination, name)
            : destination;

    private async Task RefuseFileAsync(string target, CancellationToken cancellationToken)
    {
        if (await StatusOrNullAsync(target, cancellationToken) is { Folder: false })
        {
            throw new FileAlreadyExistsException($"Path \"{target}\" already exists and is not a directory.");
        }
    }

    private async Task<FileStatus?> StatusOrNullAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            return await fs.GetStatusAsync(path, cancellationToken: cancellationToken);
        }
        catch (FileDoesNotExistException)
        {
            return null;
        }
    }

    private async Task<List<FileStatus>> ListAsync(string directory, CancellationToken cancellationToken)
    {
        var entries = new List<FileStatus>();
        await foreach (var entry in fs.ListStatusAsync(directory, new ListStatusOptions(Recursive: true), cancellationToken))
        {
            entries.Add(entry);
        }

        return [.. entries.OrderBy(e => e.Path, StringComparer.Ordinal)];
    }

    /// <summary>Directories are created with the copy's write type (MUST_CACHE ones stay out of the UFS, as the files).</summary>
    private CreateDirectoryOptions DirectoryOptions() =>
        new(Recursive: true, AllowExists: true, WriteType: write.WriteType == WriteType.Default ? fs.Options.DefaultWriteType : write.WriteType);

    private static string Relative(string directory, string path) =>
        (directory == AlluxioPath.Root ? path : path[directory.Length..]).TrimStart('/');

    private static string Beneath(string directory, string relative) =>
        relative.Split(['/', Path.DirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries).Aggregate(directory, AlluxioPath.Join);
}
