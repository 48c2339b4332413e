using Alluxio.Runtime.Messaging;
using Alluxio.Runtime.Metadata;

namespace Alluxio.Runtime.References;

/// <summary>The silo's <see cref="IGrainFactory"/>: resolves the grain class for an interface and creates references.</summary>
internal sealed class GrainFactory(GrainClassRegistry registry, GrainCallDispatcher dispatcher) : IClusterClient
{
    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey =>
        Create<TGrainInterface>(GrainId.FormatKey(primaryKey), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey =>
        Create<TGrainInterface>(GrainId.FormatKey(primaryKey), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        return Create<TGrainInterface>(primaryKey, grainClassNamePrefix);
    }

    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey =>
        Create<TGrainInterface>(GrainId.FormatKey(primaryKey, ValidateExtension(keyExtension)), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey =>
        Create<TGrainInterface>(GrainId.FormatKey(primaryKey, ValidateExtension(keyExtension)), grainClassNamePrefix);

    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable =>
        (TGrainInterface)CreateReference(typeof(TGrainInterface), grainId);

    public IAddressable GetGrain(Type interfaceType, GrainId grainId) => CreateReference(interfaceType, grainId);

    /// <summary>A new reference to <paramref name="grainId"/> through <paramref name="interfaceType"/>.</summary>
    public IAddressable CreateReference(Type interfaceType, GrainId grainId)
    {
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The grain id is empty.", nameof(grainId));
        }

        var info = registry.GetInterface(interfaceType);
        var proxy = (GrainProxy)System.Reflection.DispatchProxy.Create(interfaceType, typeof(GrainProxy));
        proxy.Initialize(this, dispatcher, info, grainId);
        return (IAddressable)proxy;
    }

    private TGrainInterface Create<TGrainInterface>(string key, string? prefix)
    {
        var grainClass = registry.Resolve(typeof(TGrainInterface), prefix);
        return (TGrainInterface)CreateReference(typeof(TGrainInterface), GrainId.Create(grainClass.GrainType, key));
    }

    private static string ValidateExtension(string keyExtension)
    {
        ArgumentNullException.ThrowIfNull(keyExtension);
        return keyExtension;
    }
}
