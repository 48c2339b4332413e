namespace Alluxio.Runtime.Storage.RocksDb;

/// <summary>A write or clear waiting for the group committer. Payload null = clear.</summary>
internal sealed class PendingStateWrite(byte[] key, byte[]? payload, string? expectedEtag, string description)
{
    public byte[] Key { get; } = key;

    public byte[]? Payload { get; } = payload;

    public string? ExpectedEtag { get; } = expectedEtag;

    public string Description { get; } = description;

    /// <summary>Completes with the new ETag (0 for a clear) once the batch is durable.</summary>
    public TaskCompletionSource<long> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
