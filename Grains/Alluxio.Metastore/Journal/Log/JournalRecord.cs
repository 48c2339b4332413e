namespace Alluxio.Metastore.Journal.Log;

/// <summary>
/// One journal log record: a sequence number (1, 2, 3, ... without gaps) and an opaque payload (a serialized journal
/// entry). The log never interprets the payload.
/// </summary>
/// <param name="Sequence">The record's position in the log; the first record ever written has sequence 1.</param>
/// <param name="Payload">The entry bytes, at most <see cref="SegmentedJournalLog.MaxPayloadLength"/> long.</param>
public readonly record struct JournalRecord(long Sequence, ReadOnlyMemory<byte> Payload);
