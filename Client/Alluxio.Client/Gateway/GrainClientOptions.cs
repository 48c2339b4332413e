namespace Alluxio.Client.Gateway;

/// <summary>Options of a <see cref="GrainClient"/>.</summary>
public sealed class GrainClientOptions
{
    /// <summary>The silos' gateway addresses ("host:port", the silo's gRPC port), tried in order; an unavailable one moves the client to the next.</summary>
    public IList<string> Gateways { get; set; } = [];

    /// <summary>The user grain calls run as: every CallerIdentity parameter is this user (SIMPLE authentication). Default: the OS user.</summary>
    public string User { get; set; } = Environment.UserName;

    /// <summary>How long a call returning Task/ValueTask may take (Orleans' ResponseTimeout; default 30 s). Streams have no deadline.</summary>
    public TimeSpan ResponseTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most bytes of one response message (default 64 MiB).</summary>
    public int MaxReceiveMessageSize { get; set; } = 64 << 20;
}
