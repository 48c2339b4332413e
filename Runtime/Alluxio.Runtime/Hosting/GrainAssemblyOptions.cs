using System.Reflection;

namespace Alluxio.Runtime.Hosting;

/// <summary>Where the silo looks for grain classes.</summary>
public sealed class GrainAssemblyOptions
{
    /// <summary>Assemblies added with <see cref="SiloBuilderExtensions.AddGrainAssembly"/>.</summary>
    public IList<Assembly> Assemblies { get; } = [];

    /// <summary>
    /// Also scan every loaded assembly that references the grain abstractions (default true). Turn off to host only the
    /// assemblies added explicitly.
    /// </summary>
    public bool ScanLoadedAssemblies { get; set; } = true;
}
