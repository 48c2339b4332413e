namespace Alluxio.Silo.Hosting;

/// <summary>The data directory cannot be owned by this silo (another silo holds it, or it cannot be created).</summary>
public sealed class DataDirectoryInUseException(string message, Exception inner) : Exception(message, inner);
