using Alluxio.Runtime.Configuration;
using Microsoft.Extensions.Options;

namespace Alluxio.Runtime.Cluster;

/// <summary>This silo's identity from <see cref="SiloOptions"/>; the generation is taken at start-up.</summary>
internal sealed class LocalSiloDetails(IOptions<SiloOptions> options, TimeProvider time) : ILocalSiloDetails
{
    public SiloAddress SiloAddress { get; } = SiloAddress.New(options.Value.SiloEndpoint, time);

    public string Name { get; } = options.Value.SiloName;

    public IReadOnlyList<string> Roles { get; } = [.. options.Value.Roles];
}
