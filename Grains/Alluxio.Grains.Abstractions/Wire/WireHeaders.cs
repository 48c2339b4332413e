namespace Alluxio.Grains.Wire;

/// <summary>Request metadata the product's clients send (gRPC headers).</summary>
public static class WireHeaders
{
    /// <summary>The caller's user name (SIMPLE authentication: the OS user the client runs as).</summary>
    public const string User = "alluxio-user";

    /// <summary>The user of callers that send none.</summary>
    public const string AnonymousUser = "anonymous";
}
