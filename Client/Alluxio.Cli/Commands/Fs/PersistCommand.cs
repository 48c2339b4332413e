using System.CommandLine;
using System.Globalization;
using Alluxio.Cli.Formatting;
using Alluxio.Client;
using Alluxio.Grains.Exceptions;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Commands.Fs;

/// <summary>
/// <c>fs persist</c>: schedules files (a directory's files too) for persistence now and waits until the master reports
/// them PERSISTED, as Alluxio's persist does. The persister retries failures forever, so waiting for success alone could
/// hang (Alluxio #14686): the command fails as soon as an attempt made after its request reports an error, and gives
/// up after --timeout.
/// </summary>
public static class PersistCommand
{
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(20);
    private static readonly TimeSpan LongestPoll = TimeSpan.FromMilliseconds(500);

    public static Command Create(CliContext context)
    {
        var timeout = new Option<string>("--timeout", "-t")
        {
            Description = "How long to wait for the files to be persisted, e.g. 30s, 5m (default 5m).",
            HelpName = "TIME",
            DefaultValueFactory = _ => "5m",
        };
        timeout.Validators.Add(result =>
        {
            if (!Durations.TryParseMilliseconds(result.GetValueOrDefault<string>(), out var ms) || ms <= 0)
            {
                result.AddError($"--timeout must be a positive duration such as 30s or 5m (got '{result.GetValueOrDefault<string>()}').");
            }
        });
        var paths = new Argument<string[]>("PATH") { Arity = ArgumentArity.OneOrMore, Description = "Files, or directories whose files are persisted." };
        var command = new Command("persist", CommandText.Describe(
            "Persist files to the UFS now and wait until they are PERSISTED.",
            "alluxio fs persist --timeout 10m /data/output"))
        {
            timeout, paths,
        };
        context.SetAction(command, async (r, fs, ct) =>
        {
            Durations.TryParseMilliseconds(r.GetValue(timeout), out var limitMs);
            var limit = TimeSpan.FromMilliseconds(limitMs);
            var deadline = context.Time.GetUtcNow() + limit;
            foreach (var path in r.GetValue(paths) ?? [])
            {
                var waiting = new List<(FileStatus Scheduled, int AttemptsBefore)>();
                await foreach (var file in fs.FilesAsync(path, ct))
                {
                    if (file.Persisted)
                    {
                        context.Out.WriteLine(file.Path + " is already persisted");
                        continue;
                    }

                    var attemptsBefore = file.PersistError.Length > 0 ? await AttemptsAsync(fs, file.FileId, ct) : 0;
                    waiting.Add((await fs.PersistAsync(file.Path, ct), attemptsBefore));
                }

                foreach (var (scheduled, attemptsBefore) in waiting)
                {
                    var persisted = await WaitAsync(context, fs, scheduled, attemptsBefore, deadline, limit, ct);
                    context.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"persisted file {persisted.Path} with size {persisted.Length}"));
                }
            }

            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary>Polls the file until PERSISTED; fails on LOST, on a failure newer than the request, or at the deadline.</summary>
    private static async Task<FileStatus> WaitAsync(
        CliContext context, FileSystem fs, FileStatus scheduled, int attemptsBefore, DateTimeOffset deadline, TimeSpan limit, CancellationToken cancellationToken)
    {
        var staleError = scheduled.PersistError; // recorded before this request: only a later attempt's error counts
        var poll = FirstPoll;
        while (true)
        {
            var status = await fs.GetStatusAsync(scheduled.Path, cancellationToken: cancellationToken);
            if (status.FileId != scheduled.FileId)
            {
                throw new FileDoesNotExistException($"File {scheduled.Path} was replaced while it was being persisted.");
            }

            switch (status.PersistenceState)
            {
                case PersistenceState.Persisted:
                    return status;
                case PersistenceState.Lost:
                    throw new DataLossException($"File {status.Path} is LOST ({status.PersistError}): there is nothing left to persist.");
            }

            if (status.PersistError.Length > 0
                && (staleError.Length == 0 || status.PersistError != staleError || await AttemptsAsync(fs, status.FileId, cancellationToken) > attemptsBefore))
            {
                throw new IOException($"Failed to persist {status.Path}: {status.PersistError}");
            }

            if (context.Time.GetUtcNow() >= deadline)
            {
                throw new TimeoutException($"Timed out after {Timestamps.Duration((long)limit.TotalMilliseconds)} waiting for {status.Path} to be persisted (still {PersistenceStates.Name(status.PersistenceState)}).");
            }

            await Task.Delay(poll, context.Time, cancellationToken);
            poll = poll * 2 < LongestPoll ? poll * 2 : LongestPoll;
        }
    }

    /// <summary>How many persist attempts the master has made on the file (0 when it is not waiting).</summary>
    private static async Task<int> AttemptsAsync(FileSystem fs, long fileId, CancellationToken cancellationToken) =>
        (await fs.ListPendingPersistsAsync(cancellationToken)).FirstOrDefault(p => p.FileId == fileId)?.Attempts ?? 0;
}
