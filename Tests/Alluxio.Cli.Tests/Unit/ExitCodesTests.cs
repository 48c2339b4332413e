using Alluxio.Grains.Exceptions;
using Xunit;

namespace Alluxio.Cli.Tests.Unit;

public sealed class ExitCodesTests
{
    public static TheoryData<Exception, int> Errors => new()
    {
        { new FileDoesNotExistException("x"), 3 },
        { new FileAlreadyExistsException("x"), 4 },
        { new AccessControlException("x"), 5 },
        { new InvalidArgumentException("x"), 6 },
        { new InvalidPathException("x"), 6 },
        { new FailedPreconditionException("x"), 7 },
        { new DirectoryNotEmptyException("x"), 7 },
        { new UnavailableException("x"), 8 },
        { new AlluxioException(AlluxioStatus.DeadlineExceeded, "x"), 8 },
        { new TimeoutException("x"), 8 },
        { new AlluxioException(AlluxioStatus.Internal, "x"), 1 },
        { new AlluxioException(AlluxioStatus.Unimplemented, "x"), 1 },
        { new IOException("x"), 1 },
        { new FileNotFoundException("x"), 3 },
        { new DirectoryNotFoundException("x"), 3 },
        { new UnauthorizedAccessException("x"), 5 },
        { new OperationCanceledException(), 130 },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void EachErrorHasItsCode(Exception error, int code) => Assert.Equal(code, ExitCodes.For(error));

    [Fact]
    public void CodesAreDistinct()
    {
        int[] codes = [ExitCodes.Success, ExitCodes.Failure, ExitCodes.Usage, ExitCodes.NotFound, ExitCodes.AlreadyExists, ExitCodes.PermissionDenied, ExitCodes.InvalidArgument, ExitCodes.FailedPrecondition, ExitCodes.Unavailable, ExitCodes.Cancelled];
        Assert.Equal(codes.Length, codes.Distinct().Count());
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8], codes[..9]);
    }

    [Fact]
    public void MessagesAreOneLine()
    {
        Assert.Equal("first line second line", ExitCodes.Message(new IOException("first line\r\n  second line\n")));
        Assert.Equal("IOException", ExitCodes.Message(new IOException(" ")));
        Assert.Equal("interrupted", ExitCodes.Message(new OperationCanceledException()));
    }
}
