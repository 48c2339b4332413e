namespace Alluxio.Runtime;

/// <summary>Implemented by grain references that can be viewed through another grain interface.</summary>
public interface IGrainReferenceCaster
{
    /// <summary>A reference to the same grain through <paramref name="interfaceType"/>.</summary>
    IAddressable Cast(Type interfaceType);
}
