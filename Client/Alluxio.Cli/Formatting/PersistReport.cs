using System.Globalization;
using Alluxio.Grains.FileSystem;

namespace Alluxio.Cli.Formatting;

/// <summary>
/// <c>fsadmin report persist</c>: the files waiting to be persisted, with the attempts so far, when the next one runs
/// and why the last one failed, so a stuck ASYNC_THROUGH file (Alluxio #13941, #14686) is visible with its reason.
/// </summary>
public static class PersistReport
{
    public const string Empty = "No files are waiting to be persisted.";

    public static IEnumerable<string> Lines(IReadOnlyList<PendingPersistInfo> pending)
    {
        if (pending.Count == 0)
        {
            yield return Empty;
            yield break;
        }

        var ordered = pending.OrderBy(p => p.NextAttempt).ThenBy(p => p.Path, StringComparer.Ordinal).ToList();
        var pathWidth = Math.Max("Path".Length, ordered.Max(p => p.Path.Length));
        yield return string.Create(CultureInfo.InvariantCulture, $"Files waiting to be persisted: {pending.Count}");
        yield return Row("Path", pathWidth, "Attempts", "Next Attempt", "Last Error");
        foreach (var file in ordered)
        {
            yield return Row(
                file.Path,
                pathWidth,
                file.Attempts.ToString(CultureInfo.InvariantCulture),
                Timestamps.Iso(file.NextAttempt.ToUnixTimeMilliseconds()),
                string.IsNullOrEmpty(file.LastError) ? "-" : ExitCodes.OneLine(file.LastError));
        }
    }

    private static string Row(string path, int pathWidth, string attempts, string next, string error) =>
        $"{path.PadRight(pathWidth)}  {attempts,-8}  {next,-24}  {error}";
}
