using Alluxio.Grains.Exceptions;

namespace Alluxio.Cli;

/// <summary>The process exit codes of <c>alluxio</c> (documented in docs/cli.md) and the mapping from errors to them.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary>A failure without a more specific code; also <c>fs test</c> when the condition does not hold.</summary>
    public const int Failure = 1;

    /// <summary>The command line does not parse (unknown command or option, missing or malformed argument).</summary>
    public const int Usage = 2;

    public const int NotFound = 3;

    public const int AlreadyExists = 4;

    public const int PermissionDenied = 5;

    public const int InvalidArgument = 6;

    /// <summary>The state forbids the operation: a non-empty directory, a read-only mount, a nested mount, a used data directory.</summary>
    public const int FailedPrecondition = 7;

    /// <summary>The master (or the UFS, or the journal) is unavailable, or did not answer in time.</summary>
    public const int Unavailable = 8;

    /// <summary>Interrupted (Ctrl-C), as shells report SIGINT.</summary>
    public const int Cancelled = 130;

    /// <summary>The exit code for an error.</summary>
    public static int For(Exception error) => error switch
    {
        AlluxioException alluxio => For(alluxio.Status),
        FileNotFoundException or DirectoryNotFoundException => NotFound, // a local path of copyFromLocal, copyToLocal or cp
        UnauthorizedAccessException => PermissionDenied,
        TimeoutException => Unavailable,
        OperationCanceledException => Cancelled,
        _ => Failure,
    };

    /// <summary>The exit code for an error status of the server.</summary>
    public static int For(AlluxioStatus status) => status switch
    {
        AlluxioStatus.NotFound => NotFound,
        AlluxioStatus.AlreadyExists => AlreadyExists,
        AlluxioStatus.PermissionDenied => PermissionDenied,
        AlluxioStatus.InvalidArgument => InvalidArgument,
        AlluxioStatus.FailedPrecondition => FailedPrecondition,
        AlluxioStatus.Unavailable or AlluxioStatus.DeadlineExceeded => Unavailable,
        _ => Failure,
    };

    /// <summary>The one line printed after "alluxio: " for an error: its message with line breaks folded.</summary>
    public static string Message(Exception error)
    {
        var message = error is OperationCanceledException ? "interrupted" : error.Message;
        if (string.IsNullOrWhiteSpace(message))
        {
            message = error.GetType().Name;
        }

        return OneLine(message);
    }

    /// <summary>Folds a multi-line text into one line (lines trimmed, joined by a space).</summary>
    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
