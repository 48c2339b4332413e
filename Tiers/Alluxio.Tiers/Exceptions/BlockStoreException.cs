namespace Alluxio.Tiers.Exceptions;

/// <summary>The base of the block store's errors; the message says what failed and where.</summary>
public class BlockStoreException : Exception
{
    public BlockStoreException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
