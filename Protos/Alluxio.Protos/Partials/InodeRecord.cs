namespace Alluxio.Protos.Meta;

/// <summary>The generated inode record, with a slot for a view derived from it.</summary>
public sealed partial class InodeRecord
{
    /// <summary>
    /// A view derived from this record by its reader (the master keeps the status clients see, and its serialized
    /// form, here). Valid because a committed record is never changed in place: every change commits a new record
    /// (a clone), and a clone starts without a memo. Not part of the message: never serialized, copied or compared.
    /// Written without locks: a reader that loses a race simply derives the same view again.
    /// </summary>
    public object? Memo { get; set; }
}
