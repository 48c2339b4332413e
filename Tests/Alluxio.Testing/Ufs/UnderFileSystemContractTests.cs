using System.Text;
using Alluxio.Ufs;
using Xunit;

namespace Alluxio.Testing.Ufs;

/// <summary>
/// The contract of <see cref="IUnderFileSystem"/> (see its documentation) that every connector must pass: each
/// connector's test class derives from this one and supplies a fresh, empty mount per test. The suite only uses the
/// interface, so it runs unchanged against local directories, object stores and decorators. Split by concern into
/// partial files: status and listing, writes, namespace changes, paths.
/// </summary>
public abstract partial class UnderFileSystemContractTests : IAsyncLifetime
{
    /// <summary>The connector under test: a fresh mount whose root exists and is empty.</summary>
    protected IUnderFileSystem Ufs { get; private set; } = null!;

    /// <summary>Creates the connector under test over a new, empty root (a scratch directory, bucket prefix, ...).</summary>
    protected abstract Task<IUnderFileSystem> CreateUnderFileSystemAsync();

    /// <summary>Removes the scratch root after the connector was disposed.</summary>
    protected virtual Task CleanupAsync() => Task.CompletedTask;

    /// <inheritdoc/>
    public async Task InitializeAsync() => Ufs = await CreateUnderFileSystemAsync();

    /// <inheritdoc/>
    public async Task DisposeAsync()
    {
        await Ufs.DisposeAsync();
        await CleanupAsync();
    }

    /// <summary>UTF-8 bytes of <paramref name="text"/>.</summary>
    protected static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>Writes and commits a whole file.</summary>
    protected async Task WriteFileAsync(string path, byte[] content, UfsCreateFileOptions? options = null)
    {
        await using var output = await Ufs.CreateFileAsync(path, options ?? new UfsCreateFileOptions { CreateParents = true });
        await output.WriteAsync(content);
        await output.CommitAsync();
    }

    /// <summary>Writes and commits a whole text file.</summary>
    protected Task WriteFileAsync(string path, string content, UfsCreateFileOptions? options = null) =>
        WriteFileAsync(path, Bytes(content), options);

    /// <summary>Reads a file from <paramref name="offset"/> to its end.</summary>
    protected async Task<byte[]> ReadFileAsync(string path, long offset = 0)
    {
        await using var input = await Ufs.OpenAsync(path, offset);
        using var copy = new MemoryStream();
        await input.CopyToAsync(copy);
        return copy.ToArray();
    }

    /// <summary>Reads a whole text file.</summary>
    protected async Task<string> ReadTextAsync(string path) => Encoding.UTF8.GetString(await ReadFileAsync(path));

    /// <summary>Every child of a directory.</summary>
    protected async Task<List<UfsStatus>> ListAllAsync(string path)
    {
        var children = new List<UfsStatus>();
        await foreach (var child in Ufs.ListAsync(path))
        {
            children.Add(child);
        }

        return children;
    }

    /// <summary>The sorted names of a directory's children.</summary>
    protected async Task<List<string>> ListNamesAsync(string path) =>
        [.. (await ListAllAsync(path)).Select(s => s.Name).Order(StringComparer.Ordinal)];

    /// <summary>Asserts that nothing is at <paramref name="path"/>.</summary>
    protected async Task AssertAbsentAsync(string path) => Assert.Null(await Ufs.GetStatusAsync(path));

    /// <summary>Creates a directory (recursively) for a test's setup.</summary>
    protected Task MakeDirectoryAsync(string path) =>
        Ufs.CreateDirectoryAsync(path, new UfsCreateDirectoryOptions { Recursive = true });
}
