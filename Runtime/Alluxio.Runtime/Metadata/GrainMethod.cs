using System.Reflection;
using Alluxio.Runtime.Copying;
using Alluxio.Runtime.References;

namespace Alluxio.Runtime.Metadata;

/// <summary>
/// What the runtime knows about one grain interface method: how to call it, how to invoke it on a grain, its
/// scheduling attributes, timeout and which arguments need copying. Built once per method and shared.
/// </summary>
internal abstract class GrainMethod
{
    protected GrainMethod(MethodInfo method, ReturnKind returnKind)
    {
        Method = method;
        ReturnKind = returnKind;
        DisplayName = $"{method.DeclaringType!.Name}.{method.Name}";
        IsAlwaysInterleave = method.IsDefined(typeof(AlwaysInterleaveAttribute), true);
        IsReadOnly = method.IsDefined(typeof(ReadOnlyAttribute), true);
        IsOneWay = method.IsDefined(typeof(OneWayAttribute), true);
        ResponseTimeout = method.GetCustomAttribute<ResponseTimeoutAttribute>(true)?.Timeout;

        var parameters = method.GetParameters();
        CopyArgument = new bool[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            var type = parameters[i].ParameterType;
            if (type.IsByRef)
            {
                throw new NotSupportedException($"{DisplayName}: grain methods cannot have ref or out parameters ({parameters[i].Name}).");
            }

            if (type == typeof(CancellationToken))
            {
                if (i != parameters.Length - 1 || CancellationTokenIndex >= 0)
                {
                    throw new NotSupportedException($"{DisplayName}: a CancellationToken must be the last parameter, and only one is allowed.");
                }

                CancellationTokenIndex = i;
                continue;
            }

            CopyArgument[i] = !parameters[i].IsDefined(typeof(ImmutableAttribute)) && !TypeImmutability.IsImmutableForAllValues(type);
            AnyArgumentNeedsCopy |= CopyArgument[i];
        }

        if (IsOneWay && returnKind is not (ReturnKind.Task or ReturnKind.ValueTask))
        {
            throw new NotSupportedException($"{DisplayName}: [OneWay] methods must return Task or ValueTask.");
        }
    }

    public MethodInfo Method { get; }

    public ReturnKind ReturnKind { get; }

    public string DisplayName { get; }

    public bool IsAlwaysInterleave { get; }

    public bool IsReadOnly { get; }

    public bool IsOneWay { get; }

    public TimeSpan? ResponseTimeout { get; }

    /// <summary>Index of the CancellationToken parameter, or -1.</summary>
    public int CancellationTokenIndex { get; } = -1;

    /// <summary>Per parameter: whether values may be mutable and must be copied.</summary>
    public bool[] CopyArgument { get; }

    public bool AnyArgumentNeedsCopy { get; }

    /// <summary>Sends the call for <paramref name="reference"/> and returns what the interface method returns.</summary>
    public abstract object? Call(GrainProxy reference, object?[] args);

    /// <summary>Copies the arguments that need it, in place (the array is the proxy's own).</summary>
    public void CopyArguments(object?[] args)
    {
        if (!AnyArgumentNeedsCopy)
        {
            return;
        }

        for (var i = 0; i < args.Length; i++)
        {
            if (CopyArgument[i])
            {
                args[i] = DeepCopier.Copy(args[i]);
            }
        }
    }

    public override string ToString() => DisplayName;
}
