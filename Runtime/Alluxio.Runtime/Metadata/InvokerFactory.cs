using System.Linq.Expressions;
using System.Reflection;

namespace Alluxio.Runtime.Metadata;

/// <summary>Compiles, once per interface method, a delegate that calls the method on a grain instance.</summary>
internal static class InvokerFactory
{
    public static Func<object, object?[], ValueTask<TResult>> CreateInvoker<TResult>(MethodInfo method, ReturnKind kind)
    {
        var (grain, args, call) = BuildCall(method);
        Expression body = kind switch
        {
            ReturnKind.TaskOfT => Expression.New(typeof(ValueTask<TResult>).GetConstructor([typeof(Task<TResult>)])!, call),
            ReturnKind.ValueTaskOfT => call,
            ReturnKind.Task => Expression.Call(typeof(InvokerFactory).GetMethod(nameof(FromTask), BindingFlags.NonPublic | BindingFlags.Static)!, call),
            ReturnKind.ValueTask => Expression.Call(typeof(InvokerFactory).GetMethod(nameof(FromValueTask), BindingFlags.NonPublic | BindingFlags.Static)!, call),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return Expression.Lambda<Func<object, object?[], ValueTask<TResult>>>(body, grain, args).Compile();
    }

    public static Func<object, object?[], IAsyncEnumerable<T>> CreateEnumerableInvoker<T>(MethodInfo method)
    {
        var (grain, args, call) = BuildCall(method);
        return Expression.Lambda<Func<object, object?[], IAsyncEnumerable<T>>>(call, grain, args).Compile();
    }

    private static (ParameterExpression Grain, ParameterExpression Args, MethodCallExpression Call) BuildCall(MethodInfo method)
    {
        var grain = Expression.Parameter(typeof(object), "grain");
        var args = Expression.Parameter(typeof(object?[]), "args");
        var parameters = method.GetParameters();
        var arguments = new Expression[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = Expression.Convert(Expression.ArrayIndex(args, Expression.Constant(i)), parameters[i].ParameterType);
        }

        var call = Expression.Call(Expression.Convert(grain, method.DeclaringType!), method, arguments);
        return (grain, args, call);
    }

    private static ValueTask<VoidResult> FromTask(Task task) =>
        task.IsCompletedSuccessfully ? default : new ValueTask<VoidResult>(AwaitTask(task));

    private static ValueTask<VoidResult> FromValueTask(ValueTask task) =>
        task.IsCompletedSuccessfully ? default : new ValueTask<VoidResult>(AwaitTask(task.AsTask()));

    private static async Task<VoidResult> AwaitTask(Task task)
    {
        await task.ConfigureAwait(false);
        return default;
    }
}
