using System.Reflection;
using Alluxio.Runtime.Invocation;
using Alluxio.Runtime.References;

namespace Alluxio.Runtime.Metadata;

/// <summary>
/// A grain method returning <see cref="IAsyncEnumerable{T}"/>. The caller gets a lazy sequence; enumerating it runs the
/// grain's enumerator on the grain's own turns, moving items across in batches.
/// </summary>
internal sealed class AsyncEnumerableGrainMethod<T> : GrainMethod
{
    public AsyncEnumerableGrainMethod(MethodInfo method)
        : base(method, ReturnKind.AsyncEnumerable)
    {
        Invoker = InvokerFactory.CreateEnumerableInvoker<T>(method);
    }

    public Func<object, object?[], IAsyncEnumerable<T>> Invoker { get; }

    public override object? Call(GrainProxy reference, object?[] args) =>
        new GrainAsyncEnumerable<T>(reference.Dispatcher, this, reference, args);
}
