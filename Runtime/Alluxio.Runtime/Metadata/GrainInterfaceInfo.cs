using System.Collections.Concurrent;
using System.Reflection;

namespace Alluxio.Runtime.Metadata;

/// <summary>The methods of one grain interface (including inherited interfaces), built on first use and cached.</summary>
internal sealed class GrainInterfaceInfo
{
    private readonly ConcurrentDictionary<MethodInfo, GrainMethod> _methods = new();

    // Proxies pass the same MethodInfo instance on every call, so a reference scan of the (few) non-generic methods
    // beats hashing; generic method instantiations fall back to the dictionary.
    private readonly (MethodInfo Method, GrainMethod GrainMethod)[] _fast;

    public GrainInterfaceInfo(Type interfaceType)
    {
        if (!interfaceType.IsInterface || !typeof(IAddressable).IsAssignableFrom(interfaceType))
        {
            throw new ArgumentException($"{interfaceType} is not a grain interface.", nameof(interfaceType));
        }

        InterfaceType = interfaceType;

        // Validate every method up front so a bad interface fails at GetGrain, not at the first call of one method.
        var fast = new List<(MethodInfo, GrainMethod)>();
        foreach (var method in AllMethods(interfaceType))
        {
            if (!method.IsGenericMethodDefinition)
            {
                fast.Add((method, _methods.GetOrAdd(method, static m => Create(m))));
            }
            else
            {
                ValidateReturnType(method);
            }
        }

        _fast = [.. fast];
    }

    public Type InterfaceType { get; }

    public GrainMethod GetMethod(MethodInfo method)
    {
        foreach (var (candidate, grainMethod) in _fast)
        {
            if (ReferenceEquals(candidate, method))
            {
                return grainMethod;
            }
        }

        return _methods.TryGetValue(method, out var known) ? known : _methods.GetOrAdd(method, static m => Create(m));
    }

    public static IEnumerable<MethodInfo> AllMethods(Type interfaceType) =>
        new[] { interfaceType }.Concat(interfaceType.GetInterfaces())
            .Where(i => i != typeof(IAddressable) && i != typeof(IGrain))
            .SelectMany(i => i.GetMethods())
            .Where(m => !m.IsStatic);

    private static GrainMethod Create(MethodInfo method)
    {
        var (kind, resultType) = ValidateReturnType(method);
        var type = kind == ReturnKind.AsyncEnumerable
            ? typeof(AsyncEnumerableGrainMethod<>).MakeGenericType(resultType)
            : typeof(GrainMethod<>).MakeGenericType(resultType);
        try
        {
            return kind == ReturnKind.AsyncEnumerable
                ? (GrainMethod)Activator.CreateInstance(type, method)!
                : (GrainMethod)Activator.CreateInstance(type, method, kind)!;
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private static (ReturnKind Kind, Type ResultType) ValidateReturnType(MethodInfo method)
    {
        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            return (ReturnKind.Task, typeof(VoidResult));
        }

        if (returnType == typeof(ValueTask))
        {
            return (ReturnKind.ValueTask, typeof(VoidResult));
        }

        if (returnType.IsGenericType)
        {
            var definition = returnType.GetGenericTypeDefinition();
            var argument = returnType.GetGenericArguments()[0];
            if (definition == typeof(Task<>))
            {
                return (ReturnKind.TaskOfT, argument);
            }

            if (definition == typeof(ValueTask<>))
            {
                return (ReturnKind.ValueTaskOfT, argument);
            }

            if (definition == typeof(IAsyncEnumerable<>))
            {
                return (ReturnKind.AsyncEnumerable, argument);
            }
        }

        throw new NotSupportedException(
            $"{method.DeclaringType!.Name}.{method.Name} returns {returnType.Name}; grain methods must return Task, Task<T>, ValueTask, ValueTask<T> or IAsyncEnumerable<T>.");
    }
}
