using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Alluxio.Client.Internal;
using Alluxio.Grains.Gateway;
using Alluxio.Grains.Wire;
using Alluxio.Grpc;
using Alluxio.Protos.Grpc.Gateway;
using Alluxio.Runtime;

namespace Alluxio.Client.Gateway;

/// <summary>
/// An <see cref="IClusterClient"/> for a .NET process outside the cluster: grain references whose calls go to a silo's
/// gateway (the GrainGateway gRPC service on the silo's port), so a service calls
/// <c>client.GetGrain&lt;IFileSystemGrain&gt;(0).GetStatus(...)</c> exactly as code inside a silo would. Arguments and
/// results travel as JSON of the grain interface's declared types; errors arrive as the same exception types as the
/// SDK's (<see cref="Alluxio.Grains.Exceptions.AlluxioException"/> subclasses; <see cref="TimeoutException"/> past
/// <see cref="GrainClientOptions.ResponseTimeout"/>). Every CallerIdentity parameter is replaced by the gateway with the
/// client's <see cref="GrainClientOptions.User"/>. Calls are never retried (the client cannot know whether a grain
/// method is idempotent); an unavailable gateway moves the client to the next one of its list for later calls.
/// Thread-safe; create one per process.
/// </summary>
public sealed class GrainClient : IClusterClient, IDisposable
{
    private static readonly Method<GrainCallP, GrainResultP> InvokeMethod = Method<GrainCallP, GrainResultP>.From(GrainGatewayReflection.Descriptor.Services[0], "Invoke");
    private static readonly Method<GrainCallP, GrainItemsP> InvokeStreamMethod = Method<GrainCallP, GrainItemsP>.From(GrainGatewayReflection.Descriptor.Services[0], "InvokeStream");
    private readonly MasterChannels _gateways;
    private readonly GrainClientOptions _options;
    private readonly Metadata _headers;

    private GrainClient(IReadOnlyList<string> gateways, GrainClientOptions options)
    {
        _options = options;
        _gateways = new MasterChannels(gateways, new GrpcChannelOptions { MaxReceiveMessageSize = options.MaxReceiveMessageSize });
        _headers = new Metadata().Add(WireHeaders.User, options.User);
    }

    /// <summary>The gateway calls go to now.</summary>
    public Uri Address => _gateways.Current.Address;

    /// <summary>Connects to a silo's gateway at "host:port" (no I/O until the first call).</summary>
    public static GrainClient Connect(string gateway, GrainClientOptions? options = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(gateway);
        return new GrainClient([gateway], options ?? new GrainClientOptions());
    }

    /// <summary>Connects to the gateways of <see cref="GrainClientOptions.Gateways"/> (no I/O until the first call).</summary>
    /// <exception cref="ArgumentException">No gateway, or a blank one.</exception>
    public static GrainClient Connect(GrainClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Gateways.Count == 0 || options.Gateways.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("GrainClientOptions.Gateways must list at least one gateway address, none blank.", nameof(options));
        }

        return new GrainClient([.. options.Gateways], options);
    }

    /// <inheritdoc/>
    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidKey =>
        Create<TGrainInterface>(new GrainKey(GrainKeyKindP.GrainKeyKindGuid, primaryKey.ToString("D"), string.Empty, grainClassNamePrefix ?? string.Empty));

    /// <inheritdoc/>
    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerKey =>
        Create<TGrainInterface>(new GrainKey(GrainKeyKindP.GrainKeyKindInteger, primaryKey.ToString(CultureInfo.InvariantCulture), string.Empty, grainClassNamePrefix ?? string.Empty));

    /// <inheritdoc/>
    public TGrainInterface GetGrain<TGrainInterface>(string primaryKey, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithStringKey
    {
        ArgumentNullException.ThrowIfNull(primaryKey);
        return Create<TGrainInterface>(new GrainKey(GrainKeyKindP.GrainKeyKindString, primaryKey, string.Empty, grainClassNamePrefix ?? string.Empty));
    }

    /// <inheritdoc/>
    public TGrainInterface GetGrain<TGrainInterface>(Guid primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithGuidCompoundKey
    {
        ArgumentNullException.ThrowIfNull(keyExtension);
        return Create<TGrainInterface>(new GrainKey(GrainKeyKindP.GrainKeyKindGuidCompound, primaryKey.ToString("D"), keyExtension, grainClassNamePrefix ?? string.Empty));
    }

    /// <inheritdoc/>
    public TGrainInterface GetGrain<TGrainInterface>(long primaryKey, string keyExtension, string? grainClassNamePrefix = null)
        where TGrainInterface : IGrainWithIntegerCompoundKey
    {
        ArgumentNullException.ThrowIfNull(keyExtension);
        return Create<TGrainInterface>(new GrainKey(GrainKeyKindP.GrainKeyKindIntegerCompound, primaryKey.ToString(CultureInfo.InvariantCulture), keyExtension, grainClassNamePrefix ?? string.Empty));
    }

    /// <inheritdoc/>
    public TGrainInterface GetGrain<TGrainInterface>(GrainId grainId)
        where TGrainInterface : IAddressable =>
        (TGrainInterface)GetGrain(typeof(TGrainInterface), grainId);

    /// <inheritdoc/>
    public IAddressable GetGrain(Type interfaceType, GrainId grainId)
    {
        if (grainId.IsDefault)
        {
            throw new ArgumentException("The grain id is empty.", nameof(grainId));
        }

        return Create(interfaceType, new GrainKey(GrainKeyKindP.GrainKeyKindGrainId, grainId.ToString(), string.Empty, string.Empty));
    }

    /// <summary>Closes the connections.</summary>
    public void Dispose() => _gateways.Dispose();

    internal async Task InvokeAsync(GrainCallP call, CancellationToken cancellationToken) =>
        await CallAsync(call, cancellationToken);

    internal async Task<T> InvokeAsync<T>(GrainCallP call, CancellationToken cancellationToken)
    {
        var result = await CallAsync(call, cancellationToken);
        return (T)GatewayCodec.Deserialize(result.Value.Span, typeof(T))!;
    }

    internal async IAsyncEnumerable<T> StreamAsync<T>(GrainCallP call, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var index = _gateways.CurrentIndex;
        using var stream = _gateways[index].ServerStreaming(InvokeStreamMethod, call, new CallOptions(_headers, null, cancellationToken));
        while (true)
        {
            GrainItemsP batch;
            try
            {
                if (!await stream.ResponseStream.MoveNext(cancellationToken))
                {
                    yield break;
                }

                batch = stream.ResponseStream.Current;
            }
            catch (RpcException e)
            {
                throw Failed(e, index);
            }

            foreach (var item in batch.Items)
            {
                yield return (T)GatewayCodec.Deserialize(item.Span, typeof(T))!;
            }
        }
    }

    private async Task<GrainResultP> CallAsync(GrainCallP call, CancellationToken cancellationToken)
    {
        var index = _gateways.CurrentIndex;
        try
        {
            return await _gateways[index].UnaryAsync(InvokeMethod, call, new CallOptions(_headers, DateTime.UtcNow + _options.ResponseTimeout, cancellationToken));
        }
        catch (RpcException e)
        {
            throw Failed(e, index);
        }
    }

    private Exception Failed(RpcException e, int index)
    {
        if (e.StatusCode == StatusCode.Unavailable)
        {
            _gateways.Failover(index);
        }

        return ClientErrors.FromRpc(e);
    }

    private TGrainInterface Create<TGrainInterface>(GrainKey key) => (TGrainInterface)Create(typeof(TGrainInterface), key);

    private IAddressable Create(Type interfaceType, GrainKey key)
    {
        if (!interfaceType.IsInterface || !typeof(IAddressable).IsAssignableFrom(interfaceType))
        {
            throw new ArgumentException($"{interfaceType} is not a grain interface.", nameof(interfaceType));
        }

        var reference = (GatewayGrainReference)DispatchProxy.Create(interfaceType, typeof(GatewayGrainReference));
        reference.Initialize(this, interfaceType, key);
        return (IAddressable)reference;
    }
}
