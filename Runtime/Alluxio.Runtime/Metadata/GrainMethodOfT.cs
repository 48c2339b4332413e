using System.Reflection;
using Alluxio.Runtime.References;

namespace Alluxio.Runtime.Metadata;

/// <summary>A grain method returning Task, Task&lt;T&gt;, ValueTask or ValueTask&lt;T&gt; (TResult = VoidResult for the first and third).</summary>
internal sealed class GrainMethod<TResult> : GrainMethod
{
    public GrainMethod(MethodInfo method, ReturnKind returnKind)
        : base(method, returnKind)
    {
        Invoker = InvokerFactory.CreateInvoker<TResult>(method, returnKind);
    }

    /// <summary>Invokes the method on a grain instance with the (already copied) arguments.</summary>
    public Func<object, object?[], ValueTask<TResult>> Invoker { get; }

    public override object? Call(GrainProxy reference, object?[] args)
    {
        var task = reference.Dispatcher.Send(this, reference, args);
        return ReturnKind switch
        {
            ReturnKind.ValueTask => new ValueTask(task),
            ReturnKind.ValueTaskOfT => new ValueTask<TResult>(task),
            _ => task,
        };
    }
}
