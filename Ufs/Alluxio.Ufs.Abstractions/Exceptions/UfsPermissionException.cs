namespace Alluxio.Ufs;

/// <summary>The under file system refused the operation (EACCES/EPERM, a read-only file system or mount, or a symbolic link that leads outside the mount root).</summary>
public class UfsPermissionException : UfsException
{
    /// <summary>Creates the exception.</summary>
    public UfsPermissionException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public UfsPermissionException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }
}
