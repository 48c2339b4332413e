namespace Alluxio.Runtime;

/// <summary>
/// Creates references to grains. A reference is cheap, needs no I/O and can be created for a grain that was never
/// activated: the first call activates it. <c>grainClassNamePrefix</c> picks the implementation when several classes
/// implement the interface (matched against the class's full name).
/// </summary>
public interface IGrainFactory
{
    /// <summary>A reference to the grain with a Guid key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey;

    /// <summary>A reference to the grain with an integer key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey;

    /// <summary>A reference to the grain with a string key.</summary>
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey;

    /// <summary>A reference to the grain with a Guid key and a key extension.</summary>
    TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey;

    /// <summary>A reference to the grain with an integer key and a key extension.</summary>
    TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey;

    /// <summary>A reference, through <typeparamref name="TGrainInterface"/>, to the grain with the given id.</summary>
    TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable;

    /// <summary>A reference through an interface chosen at run time.</summary>
    IAddressable GetGrain(Type interfaceType, GrainId grainId);
}
