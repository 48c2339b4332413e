namespace Alluxio.Grpc;

/// <summary>Per-call settings. <c>default</c> means: no extra headers, no deadline, not cancellable, channel limits.</summary>
public readonly record struct CallOptions
{
    public CallOptions(Metadata? headers = null, DateTime? deadline = null, CancellationToken cancellationToken = default)
    {
        Headers = headers;
        Deadline = deadline;
        CancellationToken = cancellationToken;
    }

    /// <summary>Request headers (custom metadata) to send.</summary>
    public Metadata? Headers { get; init; }

    /// <summary>
    /// When the call must be finished, in UTC. Sent to the server as <c>grpc-timeout</c> and enforced locally: the call
    /// fails with <see cref="StatusCode.DeadlineExceeded"/> once it passes.
    /// </summary>
    public DateTime? Deadline { get; init; }

    /// <summary>Cancels the call (status <see cref="StatusCode.Cancelled"/>; the HTTP/2 stream is reset).</summary>
    public CancellationToken CancellationToken { get; init; }

    /// <summary>Overrides <see cref="GrpcChannelOptions.MaxReceiveMessageSize"/> for this call.</summary>
    public int? MaxReceiveMessageSize { get; init; }

    /// <summary>Overrides <see cref="GrpcChannelOptions.MaxSendMessageSize"/> for this call.</summary>
    public int? MaxSendMessageSize { get; init; }

    public CallOptions WithHeaders(Metadata? headers) => this with { Headers = headers };

    public CallOptions WithDeadline(DateTime? deadline) => this with { Deadline = deadline };

    public CallOptions WithCancellationToken(CancellationToken cancellationToken) => this with { CancellationToken = cancellationToken };
}
