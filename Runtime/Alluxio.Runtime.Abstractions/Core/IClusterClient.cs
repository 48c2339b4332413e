namespace Alluxio.Runtime;

/// <summary>A client of the cluster: inside a silo it is the silo's own grain factory.</summary>
public interface IClusterClient : IGrainFactory;
