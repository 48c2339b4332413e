using Alluxio.Silo.Hosting;
using Xunit;

namespace Alluxio.Silo.Tests;

public sealed class DataDirectoryLockTests
{
    [Fact]
    public void A_second_lock_on_the_same_directory_fails_with_the_owner_and_a_released_lock_can_be_taken_again()
    {
        using var dir = new TempDirectory();
        var first = DataDirectoryLock.Acquire(dir.Sub("data"));
        var e = Assert.Throws<DataDirectoryInUseException>(() => DataDirectoryLock.Acquire(dir.Sub("data")));
        Assert.Contains("in use by another silo", e.Message);
        Assert.Contains($"pid {Environment.ProcessId}", e.Message);

        first.Dispose();
        using var again = DataDirectoryLock.Acquire(dir.Sub("data"));
        Assert.Equal(Path.GetFullPath(dir.Sub("data")), again.Directory);
    }

    [Fact]
    public void A_directory_that_cannot_be_created_gives_a_clear_error()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.Sub("file"), "not a directory");
        var e = Assert.Throws<DataDirectoryInUseException>(() => DataDirectoryLock.Acquire(Path.Combine(dir.Sub("file"), "data")));
        Assert.Contains("Cannot create the data directory", e.Message);
    }
}
