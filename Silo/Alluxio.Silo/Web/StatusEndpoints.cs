using Alluxio.Runtime.Cluster;

namespace Alluxio.Silo.Web;

/// <summary>The web port's endpoints: a JSON status document and a liveness probe.</summary>
internal static class StatusEndpoints
{
    public static void Map(IEndpointRouteBuilder web)
    {
        web.MapGet("/", (SiloStatus status) => Results.Json(status.Snapshot()));
        web.MapGet("/api/v1/status", (SiloStatus status) => Results.Json(status.Snapshot()));
        web.MapGet("/health", (ISiloStatusOracle oracle) =>
            oracle.CurrentStatus == Runtime.Cluster.SiloStatus.Active
                ? Results.Text("SERVING\n")
                : Results.Text($"{oracle.CurrentStatus}\n", statusCode: StatusCodes.Status503ServiceUnavailable));
    }
}
