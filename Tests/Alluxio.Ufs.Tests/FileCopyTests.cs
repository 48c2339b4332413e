using Alluxio.Ufs.Local.Native;

namespace Alluxio.Ufs.Tests;

/// <summary>The kernel file-to-file copy under the local UFS's appends: bytes, offsets, short sources, the mechanism.</summary>
public sealed class FileCopyTests : IDisposable
{
    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Copies_a_range_to_an_offset_without_touching_the_rest(bool acrossFileSystems)
    {
        if (acrossFileSystems && !Directory.Exists("/dev/shm"))
        {
            return; // no second file system to copy into
        }

        var content = Random(3 << 20, seed: 1);
        var source = _scratch.Host("source");
        File.WriteAllBytes(source, content);
        var destination = acrossFileSystems ? Path.Combine("/dev/shm", $"alluxio-filecopy-{Guid.NewGuid():N}") : _scratch.Host("destination");
        var prefix = Random(5000, seed: 2);
        File.WriteAllBytes(destination, prefix);
        try
        {
            using (var from = File.OpenHandle(source))
            using (var to = File.OpenHandle(destination, FileMode.Open, FileAccess.ReadWrite))
            {
                Assert.Equal((2 << 20) + 1, FileCopy.Copy(from, 1000, to, 4000, (2 << 20) + 1));
                if (OperatingSystem.IsLinux())
                {
                    Assert.Contains(FileCopy.LastMethod, new[] { FileCopyMethod.CopyFileRange, FileCopyMethod.SendFile });
                }
            }

            var result = File.ReadAllBytes(destination);
            Assert.Equal(4000 + (2 << 20) + 1, result.Length);
            Assert.Equal(prefix.AsSpan(0, 4000).ToArray(), result.AsSpan(0, 4000).ToArray());
            Assert.Equal(content.AsSpan(1000, (2 << 20) + 1).ToArray(), result.AsSpan(4000).ToArray());
        }
        finally
        {
            File.Delete(destination);
        }
    }

    [Fact]
    public void A_short_source_copies_what_it_has()
    {
        var source = _scratch.Host("short");
        File.WriteAllBytes(source, Random(10_000, seed: 3));
        using var from = File.OpenHandle(source);
        using var to = File.OpenHandle(_scratch.Host("out"), FileMode.CreateNew, FileAccess.Write);
        Assert.Equal(1_000, FileCopy.Copy(from, 9_000, to, 0, 1 << 20));
        Assert.Equal(0, FileCopy.Copy(from, 10_000, to, 1_000, 10));
        Assert.Equal(FileCopyMethod.None, FileCopy.LastMethod);
        Assert.Equal(0, FileCopy.Copy(from, 0, to, 0, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => FileCopy.Copy(from, -1, to, 0, 1));
    }

    [Fact]
    public void A_destination_opened_read_only_fails_with_the_os_reason()
    {
        var source = _scratch.Host("a");
        File.WriteAllBytes(source, Random(100, seed: 4));
        File.WriteAllBytes(_scratch.Host("b"), []);
        using var from = File.OpenHandle(source);
        using var to = File.OpenHandle(_scratch.Host("b"));
        Assert.ThrowsAny<Exception>(() => FileCopy.Copy(from, 0, to, 0, 100));
        Assert.Equal(0, new FileInfo(_scratch.Host("b")).Length);
    }

    private static byte[] Random(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
