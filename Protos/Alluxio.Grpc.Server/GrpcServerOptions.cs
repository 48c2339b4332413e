namespace Alluxio.Grpc.Server;

/// <summary>Server-wide settings of the gRPC wire layer (configure with <c>services.AddGrpcWire(o => ...)</c>).</summary>
public sealed class GrpcServerOptions
{
    /// <summary>Largest request message accepted (after decompression); null = unlimited. Default 4 MiB.</summary>
    public int? MaxReceiveMessageSize { get; set; } = Protocol.GrpcProtocol.DefaultMaxReceiveMessageSize;

    /// <summary>Largest response message sent; null (the default) = unlimited.</summary>
    public int? MaxSendMessageSize { get; set; }

    /// <summary>
    /// Whether the status message of an unexpected handler exception (status UNKNOWN) includes the exception's type
    /// and message. Default false: clients see only "Exception was thrown by handler." (never a stack trace).
    /// </summary>
    public bool IncludeExceptionDetails { get; set; }

    /// <summary>How response messages are compressed, when the client accepts it (grpc-accept-encoding). Default none.</summary>
    public MessageCompression ResponseCompression { get; set; }

    public override string ToString() =>
        $"MaxReceiveMessageSize={MaxReceiveMessageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"}, " +
        $"MaxSendMessageSize={MaxSendMessageSize?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "unlimited"}, " +
        $"IncludeExceptionDetails={IncludeExceptionDetails}, ResponseCompression={ResponseCompression}";
}
