using Xunit;

namespace Alluxio.Cli.Tests.Unit;

/// <summary>fsadmin restore's refusals, which need no master (the success path is in the end-to-end admin tests).</summary>
public sealed class RestoreOfflineTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    [Fact]
    public async Task MissingBackupFileExitsThree()
    {
        var reason = (await Cli.RunAsync("fsadmin", "restore", _temp.Sub("nope.tar.gz"), "--data-dir", _temp.Sub("data"))).Failed(ExitCodes.NotFound);
        Assert.Contains("nope.tar.gz does not exist", reason, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_temp.Sub("data")));
    }

    [Fact]
    public async Task NonEmptyDataDirectoryIsRefused()
    {
        var backup = _temp.Sub("b.tar.gz");
        await File.WriteAllTextAsync(backup, "not a backup");
        Directory.CreateDirectory(_temp.Sub("data"));
        await File.WriteAllTextAsync(Path.Combine(_temp.Sub("data"), "keep.txt"), "x");

        var reason = (await Cli.RunAsync("fsadmin", "restore", backup, "--data-dir", _temp.Sub("data"))).Failed(ExitCodes.FailedPrecondition);

        Assert.Contains("is not empty", reason, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(_temp.Sub("data")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task DataDirectoryThatIsAFileIsAnInvalidArgument()
    {
        var backup = _temp.Sub("b.tar.gz");
        await File.WriteAllTextAsync(backup, "not a backup");
        await File.WriteAllTextAsync(_temp.Sub("file"), "x");
        (await Cli.RunAsync("fsadmin", "restore", backup, "--data-dir", _temp.Sub("file"))).Failed(ExitCodes.InvalidArgument);
    }

    [Fact]
    public async Task CorruptBackupFailsAndLeavesTheDirectoryEmpty()
    {
        var backup = _temp.Sub("corrupt.tar.gz");
        await File.WriteAllBytesAsync(backup, [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 31))]);
        var result = await Cli.RunAsync("fsadmin", "restore", backup, "--data-dir", _temp.Sub("data"));
        Assert.NotEqual(ExitCodes.Success, result.ExitCode);
        result.Failed(result.ExitCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_temp.Sub("data")));
    }

    public void Dispose() => _temp.Dispose();
}
