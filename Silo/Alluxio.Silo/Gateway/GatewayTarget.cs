using System.Reflection;
using Alluxio.Grains.Gateway;

namespace Alluxio.Silo.Gateway;

/// <summary>
/// One grain method callable through the gateway: its parameters, the shape of its result, and the compiled
/// continuations that await the returned task (or enumerate the returned stream) and write JSON.
/// </summary>
internal sealed class GatewayTarget
{
    private static readonly MethodInfo AwaitValueDefinition = typeof(GatewayTarget).GetMethod(nameof(AwaitValue), BindingFlags.NonPublic | BindingFlags.Static)!;
    private static readonly MethodInfo EnumerateDefinition = typeof(GatewayTarget).GetMethod(nameof(EnumerateItems), BindingFlags.NonPublic | BindingFlags.Static)!;

    public GatewayTarget(MethodInfo method)
    {
        Method = method;
        Parameters = method.GetParameters();
        (Shape, ValueType) = GatewayCodec.Result(method.ReturnType);
        if (ValueType is { } type)
        {
            Await = Shape == GrainResultShape.Value
                ? AwaitValueDefinition.MakeGenericMethod(type).CreateDelegate<Func<object, Task<byte[]>>>()
                : null;
            Enumerate = Shape == GrainResultShape.Stream
                ? EnumerateDefinition.MakeGenericMethod(type).CreateDelegate<Func<object, CancellationToken, IAsyncEnumerable<byte[]>>>()
                : null;
        }
    }

    public MethodInfo Method { get; }

    public ParameterInfo[] Parameters { get; }

    public GrainResultShape Shape { get; }

    public Type? ValueType { get; }

    /// <summary>For <see cref="GrainResultShape.Value"/>: awaits the returned Task&lt;T&gt; or ValueTask&lt;T&gt; and gives its JSON.</summary>
    public Func<object, Task<byte[]>>? Await { get; }

    /// <summary>For <see cref="GrainResultShape.Stream"/>: the returned IAsyncEnumerable&lt;T&gt;'s items as JSON.</summary>
    public Func<object, CancellationToken, IAsyncEnumerable<byte[]>>? Enumerate { get; }

    /// <summary>Awaits a Task or ValueTask (completion shape).</summary>
    public static Task AwaitCompletion(object returned) => returned switch
    {
        Task task => task,
        ValueTask valueTask => valueTask.AsTask(),
        _ => throw new InvalidOperationException($"Expected a Task or ValueTask, got {returned.GetType()}."),
    };

    private static async Task<byte[]> AwaitValue<T>(object returned)
    {
        var value = returned is Task<T> task ? await task : await (ValueTask<T>)returned;
        return GatewayCodec.Serialize(value, typeof(T));
    }

    private static async IAsyncEnumerable<byte[]> EnumerateItems<T>(object returned, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var item in ((IAsyncEnumerable<T>)returned).WithCancellation(cancellationToken))
        {
            yield return GatewayCodec.Serialize(item, typeof(T));
        }
    }
}
