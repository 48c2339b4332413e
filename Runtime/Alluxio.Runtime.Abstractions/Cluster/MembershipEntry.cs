namespace Alluxio.Runtime.Cluster;

/// <summary>One silo's row in the membership table.</summary>
public sealed record MembershipEntry
{
    /// <summary>The silo.</summary>
    public required SiloAddress SiloAddress { get; init; }

    /// <summary>Its status.</summary>
    public required SiloStatus Status { get; init; }

    /// <summary>The silo's name.</summary>
    public string SiloName { get; init; } = string.Empty;

    /// <summary>The host it runs on.</summary>
    public string HostName { get; init; } = string.Empty;

    /// <summary>The roles it serves (for example "master", "worker").</summary>
    public IReadOnlyList<string> Roles { get; init; } = [];

    /// <summary>The client gateway port (0 = none).</summary>
    public int ProxyPort { get; init; }

    /// <summary>Who suspects this silo of being dead, and when.</summary>
    public IReadOnlyList<(SiloAddress Suspector, DateTimeOffset Time)> SuspectTimes { get; init; } = [];

    /// <summary>When the silo started.</summary>
    public DateTimeOffset StartTime { get; init; }

    /// <summary>The silo's last liveness heartbeat.</summary>
    public DateTimeOffset IAmAliveTime { get; init; }
}
