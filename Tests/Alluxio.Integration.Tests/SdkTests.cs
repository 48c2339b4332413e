using Alluxio.Client;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;
using Alluxio.Testing.Processes;
using Xunit;

namespace Alluxio.Integration.Tests;

/// <summary>The .NET SDK against a real silo: both transports, errors, and a session that survives a silo restart.</summary>
public sealed class SdkTests
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Metadata_calls_and_their_errors_are_the_same_over_the_session_and_unary_rpcs(bool session)
    {
        using var dir = new TempDirectory();
        await using var silo = SiloProcess.Start(dir.Sub("data"));
        await silo.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(silo.Address, new FileSystemClientOptions { UseMetadataSession = session });

        var created = await fs.CreateDirectoryAsync("/a/b", new CreateDirectoryOptions(Recursive: true));
        Assert.Equal("/a/b", created.Path);
        Assert.True(Directory.Exists(Path.Combine(silo.DataDir, "underfs", "a", "b")));
        await fs.CreateFileAsync("/a/b/f");
        var done = await fs.CompleteFileAsync("/a/b/f", new CompleteFileOptions(0, AsyncPersist: true));
        Assert.Equal(PersistenceState.Persisted, done.PersistenceState);
        Assert.True(await fs.ExistsAsync("/a/b/f"));
        await fs.SetAttributeAsync("/a/b/f", new SetAttributeOptions(Pinned: true));
        Assert.True((await fs.GetStatusAsync("/a/b/f")).Pinned);
        await fs.CheckAccessAsync("/a/b/f", AccessBits.Read);
        await fs.RenameAsync("/a/b/f", "/a/g");
        await fs.DeleteAsync("/a/g");

        var missing = await Assert.ThrowsAsync<FileDoesNotExistException>(() => fs.GetStatusAsync("/missing"));
        Assert.Equal("Path \"/missing\" does not exist.", missing.Message);
        await Assert.ThrowsAsync<FileAlreadyExistsException>(() => fs.CreateDirectoryAsync("/a"));
        // Directory-not-empty travels as FAILED_PRECONDITION, like every other precondition failure.
        var notEmpty = await Assert.ThrowsAsync<FailedPreconditionException>(() => fs.DeleteAsync("/a"));
        Assert.Contains("recursive", notEmpty.Message, StringComparison.OrdinalIgnoreCase);
        await Assert.ThrowsAsync<InvalidArgumentException>(() => fs.GetStatusAsync("relative"));

        // Many calls in flight at once, on one session.
        await Task.WhenAll(Enumerable.Range(0, 200).Select(i => fs.CreateFileAsync($"/a/b/c{i}")));
        var listed = new List<string>();
        await foreach (var status in fs.ListStatusAsync("/a/b"))
        {
            listed.Add(status.Name);
        }

        Assert.Equal(200, listed.Count);
    }

    [Fact]
    public async Task A_client_keeps_working_across_a_silo_restart()
    {
        using var dir = new TempDirectory();
        var port = FreePort.Next();
        var webPort = FreePort.Next();
        var first = SiloProcess.Start(dir.Sub("data"), port, webPort);
        await first.WaitUntilServingAsync();
        using var fs = FileSystem.Connect(first.Address);
        await fs.CreateDirectoryAsync("/before");

        await first.KillAsync();
        await first.DisposeAsync();
        await Assert.ThrowsAsync<UnavailableException>(() => fs.GetStatusAsync("/before"));

        await using var second = SiloProcess.Start(dir.Sub("data"), port, webPort);
        await second.WaitUntilServingAsync();
        Assert.True((await fs.GetStatusAsync("/before")).Folder);
        await fs.CreateDirectoryAsync("/after");
    }
}
