namespace Alluxio.Runtime;

/// <summary>Implemented by every grain reference (proxy): exposes the id it addresses.</summary>
public interface IGrainReference : IAddressable
{
    /// <summary>The grain this reference addresses.</summary>
    GrainId GrainId { get; }

    /// <summary>The grain interface this reference was created for.</summary>
    Type InterfaceType { get; }
}
