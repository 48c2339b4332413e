using Alluxio.Protos.Meta;

namespace Alluxio.Metastore.Journal;

/// <summary>An entry waiting for the committer, or a control action to run between batches (Entry null).</summary>
internal sealed class JournalProposal(JournalEntry? entry, Action? control = null)
{
    public JournalEntry? Entry { get; } = entry;

    public Action? Control { get; } = control;

    /// <summary>Completes with the entry's sequence number once it is durable and applied.</summary>
    public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
