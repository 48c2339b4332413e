namespace Alluxio.Runtime.Configuration;

/// <summary>Identifies the cluster (Orleans' names). Silos with the same ClusterId form one cluster; ServiceId keys stored state and survives redeployments.</summary>
public sealed class ClusterOptions
{
    /// <summary>The cluster's id (default "default").</summary>
    public string ClusterId { get; set; } = "default";

    /// <summary>The service's id (default "default").</summary>
    public string ServiceId { get; set; } = "default";

    /// <summary>Checks the values; returns the problems found.</summary>
    public IEnumerable<string> Validate()
    {
        if (string.IsNullOrWhiteSpace(ClusterId))
        {
            yield return "ClusterId must not be empty.";
        }

        if (string.IsNullOrWhiteSpace(ServiceId))
        {
            yield return "ServiceId must not be empty.";
        }
    }
}
