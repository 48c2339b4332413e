using Alluxio.Client;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Bench.JuiceFs;

/// <summary>What the workload runs against: a folder of the local file system, or a folder of Alluxio through the SDK.</summary>
internal abstract class Target(string name)
{
    /// <summary>The column heading.</summary>
    public string Name { get; } = name;

    /// <summary>Makes an empty folder for one run.</summary>
    public abstract Task CreateFolderAsync(string folder);

    /// <summary>Creates a file and writes <paramref name="blocks"/> times <paramref name="block"/> into it, one write each, then closes it.</summary>
    public abstract Task WriteFileAsync(string path, byte[] block, int blocks);

    /// <summary>Opens a file and reads it with reads of <paramref name="buffer"/>'s size until the end; the bytes read.</summary>
    public abstract Task<long> ReadFileAsync(string path, byte[] buffer);

    /// <summary>The file's status (stat).</summary>
    public abstract Task StatAsync(string path);

    /// <summary>Removes the folder and everything in it (not timed).</summary>
    public abstract Task RemoveFolderAsync(string folder);

    public override string ToString() => Name;
}

/// <summary>Plain files: unbuffered <see cref="FileStream"/>s, one write or read system call per block, like juicefs bench's os.File.</summary>
internal sealed class LocalTarget(string name, string root) : Target(name)
{
    public override Task CreateFolderAsync(string folder)
    {
        Directory.CreateDirectory(Path.Combine(root, folder));
        return Task.CompletedTask;
    }

    public override Task WriteFileAsync(string path, byte[] block, int blocks)
    {
        using var file = new FileStream(Path.Combine(root, path), FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 0);
        for (var i = 0; i < blocks; i++)
        {
            file.Write(block);
        }

        return Task.CompletedTask;
    }

    public override Task<long> ReadFileAsync(string path, byte[] buffer)
    {
        using var file = new FileStream(Path.Combine(root, path), FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        long total = 0;
        int n;
        while ((n = file.Read(buffer)) > 0)
        {
            total += n;
        }

        return Task.FromResult(total);
    }

    public override Task StatAsync(string path)
    {
        var info = new FileInfo(Path.Combine(root, path));
        return info.Exists ? Task.CompletedTask : throw new FileNotFoundException(info.FullName);
    }

    public override Task RemoveFolderAsync(string folder)
    {
        Directory.Delete(Path.Combine(root, folder), recursive: true);
        return Task.CompletedTask;
    }
}

/// <summary>
/// Alluxio through the .NET SDK: OpenWriteAsync / OpenReadAsync streams and GetStatusAsync, one client shared by the
/// threads. Each run connects a new client (one connection): the silo's Kestrel ends a connection with ENHANCE_YOUR_CALM
/// after a few hundred short-circuit blocks in quick succession (see docs/benchmarks.md), so a connection per run keeps
/// one run's failure out of the next.
/// </summary>
internal sealed class SdkTarget(string name, Func<FileSystem> connect, WriteType writeType) : Target(name)
{
    private FileSystem? _client;

    /// <summary>Seconds the last <see cref="RemoveFolderAsync"/> waited for ASYNC_THROUGH files to reach the UFS.</summary>
    public double LastPersistWaitSeconds { get; private set; }

    public WriteType WriteType => writeType;

    private FileSystem fs => _client ?? throw new InvalidOperationException("No folder was created.");

    public override async Task CreateFolderAsync(string folder)
    {
        _client?.Dispose();
        _client = connect();
        await fs.CreateDirectoryAsync("/" + folder, new CreateDirectoryOptions(Recursive: true, AllowExists: true));
    }

    public override async Task WriteFileAsync(string path, byte[] block, int blocks)
    {
        await using var stream = await fs.OpenWriteAsync("/" + path, new CreateFileOptions(WriteType: writeType));
        for (var i = 0; i < blocks; i++)
        {
            await stream.WriteAsync(block);
        }
    }

    public override async Task<long> ReadFileAsync(string path, byte[] buffer)
    {
        await using var stream = await fs.OpenReadAsync("/" + path);
        long total = 0;
        int n;
        while ((n = await stream.ReadAsync(buffer)) > 0)
        {
            total += n;
        }

        return total;
    }

    public override Task StatAsync(string path) => fs.GetStatusAsync("/" + path);

    public override async Task RemoveFolderAsync(string folder)
    {
        // ASYNC_THROUGH: let the background persists finish first, so they neither run into the next target's timings nor
        // race the delete; the wait is reported, not counted in any row.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while ((await fs.ListPendingPersistsAsync()).Count > 0 && clock.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(50);
        }

        LastPersistWaitSeconds = clock.Elapsed.TotalSeconds;
        await fs.DeleteAsync("/" + folder, new DeleteOptions(Recursive: true));
        for (var i = 0; i < 600 && (await fs.GetWorkersAsync()).Sum(w => w.Tiers.Sum(t => t.UsedBytes)) > 0; i++)
        {
            await Task.Delay(50); // the worker drops the deleted blocks on its next heartbeat
        }

        _client?.Dispose();
        _client = null;
    }
}
