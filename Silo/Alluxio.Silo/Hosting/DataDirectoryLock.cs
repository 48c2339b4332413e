using System.Globalization;
using System.Text;

namespace Alluxio.Silo.Hosting;

/// <summary>
/// Exclusive ownership of a data directory for the life of the process: an advisory lock (flock) on
/// <c>DATA_DIR/silo.lock</c>, which the kernel releases when the process dies, however it dies. A second silo on the
/// same directory fails at once with the first one's pid (from <c>silo.pid</c>, written after the lock is taken)
/// instead of corrupting the store.
/// </summary>
public sealed class DataDirectoryLock : IDisposable
{
    private readonly FileStream _file;

    private DataDirectoryLock(string directory, FileStream file)
    {
        Directory = directory;
        _file = file;
    }

    /// <summary>The locked directory (absolute).</summary>
    public string Directory { get; }

    /// <summary>Creates the directory if needed and takes the lock; throws <see cref="DataDirectoryInUseException"/> if it is held.</summary>
    public static DataDirectoryLock Acquire(string directory)
    {
        var full = Path.GetFullPath(directory);
        try
        {
            System.IO.Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DataDirectoryInUseException($"Cannot create the data directory {full}: {e.Message}", e);
        }

        var path = Path.Combine(full, "silo.lock");
        FileStream file;
        try
        {
            // FileShare.None takes an exclusive flock on Unix; it fails while another process holds it.
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            var owner = ReadOwner(Path.Combine(full, "silo.pid"));
            throw new DataDirectoryInUseException(
                $"The data directory {full} is in use by another silo{owner}. Stop it, or start this one with a different --data-dir.", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new DataDirectoryInUseException($"Cannot lock the data directory {full}: {e.Message}", e);
        }

        File.WriteAllText(Path.Combine(full, "silo.pid"), string.Create(CultureInfo.InvariantCulture, $"{Environment.ProcessId}\n"), Encoding.UTF8);
        return new DataDirectoryLock(full, file);
    }

    private static string ReadOwner(string path)
    {
        try
        {
            var pid = File.Exists(path) ? File.ReadAllText(path).Trim() : null;
            return string.IsNullOrEmpty(pid) ? string.Empty : $" (pid {pid})";
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    /// <summary>Releases the lock.</summary>
    public void Dispose() => _file.Dispose();
}
