namespace Alluxio.Grains.Exceptions;

/// <summary>Data is gone: the only copy of a block of a file that was never persisted was lost (the file is LOST).</summary>
public sealed class DataLossException(string message) : AlluxioException(AlluxioStatus.DataLoss, message);
