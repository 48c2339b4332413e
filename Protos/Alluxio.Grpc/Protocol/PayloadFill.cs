namespace Alluxio.Grpc.Protocol;

/// <summary>
/// Writes a message's serialized bytes straight into the transport's buffer: it must fill all of
/// <paramref name="destination"/> or throw, and nothing is sent when it throws.
/// </summary>
/// <param name="destination">Exactly the message's length.</param>
public delegate void PayloadFill(Span<byte> destination);
