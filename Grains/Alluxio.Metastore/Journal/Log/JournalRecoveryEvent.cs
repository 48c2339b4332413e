namespace Alluxio.Metastore.Journal.Log;

/// <summary>One repair made by recovery while opening a journal log (see <see cref="JournalLogOptions.OnRecovery"/>).</summary>
/// <param name="Kind">What was repaired.</param>
/// <param name="FilePath">The file concerned.</param>
/// <param name="Offset">For a torn tail, the byte offset it was cut at (the file's new length); otherwise 0.</param>
/// <param name="Detail">A human-readable description (why the tail was judged torn, how many bytes were dropped).</param>
public sealed record JournalRecoveryEvent(JournalRecoveryKind Kind, string FilePath, long Offset, string Detail);
