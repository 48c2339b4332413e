namespace Alluxio.Grains.Worker;

/// <summary>
/// Where a block's bytes are in a UFS file on this host: <see cref="Length"/> bytes from <see cref="Offset"/> of the
/// file at <see cref="HostPath"/> (a short-circuit reader's miss, read from the UFS file directly).
/// </summary>
public sealed record UfsBlockRange(string HostPath, long Offset, long Length);
