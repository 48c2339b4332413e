using Alluxio.Ufs.Local;
using Alluxio.Ufs.Local.Native;

namespace Alluxio.Ufs.Tests;

/// <summary>
/// The errno / .NET exception mapping. Conditions like a full disk or EACCES for root cannot be produced in a test
/// process, so the mapping itself is checked here.
/// </summary>
public sealed class LocalErrorsTests
{
    private readonly LocalErrors _errors = new(new Uri("file:///data"));

    [Theory]
    [InlineData(Errno.ENOENT, typeof(UfsNotFoundException))]
    [InlineData(Errno.EEXIST, typeof(UfsAlreadyExistsException))]
    [InlineData(Errno.ENOTEMPTY, typeof(UfsDirectoryNotEmptyException))]
    [InlineData(Errno.ENOTDIR, typeof(UfsNotADirectoryException))]
    [InlineData(Errno.EISDIR, typeof(UfsIsADirectoryException))]
    [InlineData(Errno.EACCES, typeof(UfsPermissionException))]
    [InlineData(Errno.EPERM, typeof(UfsPermissionException))]
    [InlineData(Errno.EROFS, typeof(UfsPermissionException))]
    [InlineData(Errno.ESTALE, typeof(UfsUnavailableException))]
    [InlineData(Errno.ENOTCONN, typeof(UfsUnavailableException))]
    [InlineData(Errno.ETIMEDOUT, typeof(UfsUnavailableException))]
    [InlineData(Errno.ENAMETOOLONG, typeof(UfsPathException))]
    [InlineData(Errno.EIO, typeof(UfsException))]
    public void Errno_values_map_to_the_ufs_exception_family(int errno, Type expected)
    {
        var e = _errors.FromErrno(errno, "do something to", "a/b");
        Assert.IsType(expected, e);
        Assert.Contains("a/b", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Errno.ENOSPC, "no space left")]
    [InlineData(Errno.EDQUOT, "quota")]
    public void A_full_disk_is_reported_plainly(int errno, string phrase)
    {
        var e = Assert.IsType<UfsException>(_errors.FromErrno(errno, "write", "big.bin"));
        Assert.Contains(phrase, e.Message, StringComparison.Ordinal);
        Assert.Contains("file:///data", e.Message, StringComparison.Ordinal);
        Assert.Equal("big.bin", e.Path);
    }

    [Fact]
    public void Dotnet_io_exceptions_are_translated_and_ufs_ones_pass_through()
    {
        Assert.IsType<UfsNotFoundException>(_errors.FromException(new FileNotFoundException("x"), "open", "f"));
        Assert.IsType<UfsNotFoundException>(_errors.FromException(new DirectoryNotFoundException("x"), "open", "f"));
        Assert.IsType<UfsPermissionException>(_errors.FromException(new UnauthorizedAccessException("x"), "open", "f"));
        Assert.Contains("no space left", _errors.FromException(new IOException("disk full", Errno.ENOSPC), "write", "f").Message, StringComparison.Ordinal);
        Assert.IsType<UfsException>(_errors.FromException(new IOException("odd", unchecked((int)0x80004005)), "write", "f"));

        var own = new UfsAlreadyExistsException("mine");
        Assert.Same(own, _errors.FromException(own, "x", "y"));
        var cancelled = new OperationCanceledException();
        Assert.Same(cancelled, _errors.FromException(cancelled, "x", "y"));
    }
}
