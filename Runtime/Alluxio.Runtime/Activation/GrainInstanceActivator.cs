using System.Reflection;
using Alluxio.Runtime.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Alluxio.Runtime.Activation;

/// <summary>
/// Constructs grain instances: constructor parameters come from the activation (<see cref="IGrainContext"/>,
/// <see cref="IPersistentState{TState}"/> with <see cref="PersistentStateAttribute"/>) or the silo's services.
/// </summary>
internal sealed class GrainInstanceActivator(IServiceProvider services, ILoggerFactory loggerFactory)
{
    private static readonly MethodInfo CreateStateMethod =
        typeof(GrainInstanceActivator).GetMethod(nameof(CreateState), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private static readonly MethodInfo AttachMethod =
        typeof(GrainInstanceActivator).GetMethod(nameof(AttachGrainState), BindingFlags.NonPublic | BindingFlags.Static)!;

    public (object Instance, IActivationLifecycleParticipant[] Participants) Create(ActivationData activation)
    {
        var info = activation.ClassInfo;
        var participants = new List<IActivationLifecycleParticipant>();
        var parameters = info.Constructor.GetParameters();
        var arguments = new object?[parameters.Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            arguments[i] = Resolve(parameters[i], activation, info.ClassType, participants);
        }

        object instance;
        try
        {
            instance = info.Constructor.Invoke(arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        if (info.GrainStateType is { } stateType)
        {
            var state = CreateStateMethod.MakeGenericMethod(stateType).Invoke(this, ["state", info.GrainStateProvider, activation])!;
            AttachMethod.MakeGenericMethod(stateType).Invoke(null, [instance, state]);
            participants.Add((IActivationLifecycleParticipant)state);
        }

        return (instance, participants.ToArray());
    }

    private object? Resolve(ParameterInfo parameter, ActivationData activation, Type classType, List<IActivationLifecycleParticipant> participants)
    {
        var type = parameter.ParameterType;
        if (parameter.GetCustomAttribute<PersistentStateAttribute>() is { } stateAttribute)
        {
            var state = CreateStateMethod.MakeGenericMethod(type.GetGenericArguments()[0])
                .Invoke(this, [stateAttribute.StateName, stateAttribute.StorageName, activation])!;
            participants.Add((IActivationLifecycleParticipant)state);
            return state;
        }

        if (type == typeof(IGrainContext))
        {
            return activation;
        }

        if (type == typeof(ILogger))
        {
            return loggerFactory.CreateLogger(classType);
        }

        var service = services.GetService(type);
        if (service is not null)
        {
            return service;
        }

        if (parameter.HasDefaultValue)
        {
            return parameter.DefaultValue;
        }

        throw new InvalidOperationException(
            $"Cannot construct grain {classType.Name}: no service of type {type.Name} is registered for constructor parameter '{parameter.Name}'.");
    }

    private PersistentState<TState> CreateState<TState>(string stateName, string? storageName, ActivationData activation)
    {
        var name = storageName ?? ProviderConstants.DefaultStorageProviderName;
        var storage = services.GetKeyedService<IGrainStorage>(name)
            ?? throw new InvalidOperationException(
                $"Grain {activation.ClassInfo.ClassType.Name} needs the grain storage provider '{name}', which is not registered (AddMemoryGrainStorage / AddRocksDbGrainStorage).");
        return new PersistentState<TState>(stateName, activation, storage);
    }

    private static void AttachGrainState<TState>(object grain, PersistentState<TState> state) =>
        ((Grain<TState>)grain).AttachStorage(state);
}
