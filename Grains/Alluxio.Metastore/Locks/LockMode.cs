namespace Alluxio.Metastore.Locks;

/// <summary>Shared (read) or exclusive (write).</summary>
public enum LockMode
{
    Read,
    Write,
}
