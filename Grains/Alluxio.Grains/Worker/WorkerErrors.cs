using Alluxio.Grains.Exceptions;
using Alluxio.Tiers.Exceptions;

namespace Alluxio.Grains.Worker;

/// <summary>Tier store errors as the client-facing exceptions (and so gRPC statuses).</summary>
internal static class WorkerErrors
{
    public static Exception Map(Exception exception) => exception switch
    {
        BlockNotFoundException e => new FileDoesNotExistException(e.Message),
        BlockAlreadyExistsException e => new FileAlreadyExistsException(e.Message),
        BlockStoreFullException e => new ResourceExhaustedException(e.Message),
        TierDirectoryFailedException e => new UnavailableException(e.Message, e),
        BlockCorruptedException e => new UnavailableException(e.Message + "; read it again", e),
        BlockStoreException e => new UnavailableException(e.Message, e),
        _ => exception,
    };
}
