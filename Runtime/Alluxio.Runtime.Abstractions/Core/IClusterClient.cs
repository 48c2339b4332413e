namespace Alluxio.Runtime;

/// <summary>
/// A client of the cluster: inside a silo it is the silo's own grain factory; outside, Alluxio.Client's GrainClient
/// (calls through a silo's gateway).
/// </summary>
public interface IClusterClient : IGrainFactory;
