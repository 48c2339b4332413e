namespace Alluxio.Silo.Hosting;

/// <summary>
/// The silo process's own settings. Bound from the configuration root (appsettings.json, then environment variables
/// with the ALLUXIO_ prefix such as ALLUXIO_PORT, then the command line), validated at start-up.
/// </summary>
public sealed class SiloHostOptions
{
    /// <summary>Where the silo keeps its metadata, journal and cached blocks (default ./data).</summary>
    public string DataDir { get; set; } = "./data";

    /// <summary>The under file system mounted at "/" (default ./data/underfs; created if missing).</summary>
    public string RootUfs { get; set; } = "./data/underfs";

    /// <summary>The master RPC port: gRPC over HTTP/2 (default 19998, as Alluxio).</summary>
    public int Port { get; set; } = 19998;

    /// <summary>The web port: status, health and metrics over HTTP/1.1 (default 19999, as Alluxio).</summary>
    public int WebPort { get; set; } = 19999;

    /// <summary>
    /// The worker's data port (default 29999, as Alluxio's worker): the BlockWorker service on the silo's own HTTP/2
    /// server (<c>Http2GrpcServer</c>), where clients stream block bytes without Kestrel's copies; the worker registers
    /// this address. 0 = any free port; -1 = off (block streams use <see cref="Port"/>, which serves BlockWorker too).
    /// </summary>
    public int DataPort { get; set; } = 29999;

    /// <summary>Address to listen on (default 0.0.0.0).</summary>
    public string BindAddress { get; set; } = "0.0.0.0";

    /// <summary>Roles of this silo: master (metadata), worker (blocks); default both.</summary>
    public IList<string> Roles { get; set; } = [];

    /// <summary>A PFX or PEM certificate to serve gRPC over TLS instead of cleartext (optional).</summary>
    public string? TlsCertificate { get; set; }

    /// <summary>The private key (PEM) of <see cref="TlsCertificate"/> when it is a PEM certificate.</summary>
    public string? TlsKey { get; set; }

    /// <summary>The password of a PFX certificate or of an encrypted PEM key.</summary>
    public string? TlsCertificatePassword { get; set; }

    /// <summary>The effective roles (both when none are configured).</summary>
    public IReadOnlyList<string> EffectiveRoles => Roles.Count == 0 ? ["master", "worker"] : [.. Roles.Distinct(StringComparer.OrdinalIgnoreCase)];
}
