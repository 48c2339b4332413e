using System.Reflection;
using Alluxio.Runtime.Placement;
using Alluxio.Runtime.Storage;

namespace Alluxio.Runtime.Metadata;

/// <summary>What the runtime knows about one grain class: its type name, scheduling and placement, and how to build it.</summary>
internal sealed class GrainClassInfo
{
    public GrainClassInfo(Type classType)
    {
        if (classType.IsAbstract || classType.IsGenericTypeDefinition)
        {
            throw new ArgumentException($"{classType} is abstract or generic and cannot be a grain class.", nameof(classType));
        }

        ClassType = classType;
        GrainType = new GrainType(classType.GetCustomAttribute<GrainTypeAttribute>(false)?.GrainType ?? DefaultTypeName(classType));
        IsReentrant = classType.IsDefined(typeof(ReentrantAttribute), true);
        var statelessWorker = classType.GetCustomAttribute<StatelessWorkerAttribute>(true);
        if (statelessWorker is not null)
        {
            var max = statelessWorker.MaxLocalWorkers > 0 ? statelessWorker.MaxLocalWorkers : Environment.ProcessorCount;
            PlacementStrategy = new StatelessWorkerPlacement(max);
        }
        else
        {
            PlacementStrategy = classType.GetCustomAttribute<PlacementAttribute>(true)?.PlacementStrategy ?? RandomPlacement.Singleton;
        }

        var age = classType.GetCustomAttribute<CollectionAgeLimitAttribute>(true);
        CollectionAge = age?.Amount;
        AlwaysActive = age?.AlwaysActive ?? false;

        GrainInterfaces = classType.GetInterfaces()
            .Where(i => typeof(IGrain).IsAssignableFrom(i) && i != typeof(IGrain) && !IsKeyMarker(i))
            .ToArray();

        Constructor = SelectConstructor(classType);
        StateParameters = Constructor.GetParameters()
            .Select(p => (Parameter: p, Attribute: p.GetCustomAttribute<PersistentStateAttribute>()))
            .Where(x => x.Attribute is not null)
            .Select(x => x.Parameter)
            .ToArray();
        foreach (var p in StateParameters)
        {
            if (!p.ParameterType.IsGenericType || p.ParameterType.GetGenericTypeDefinition() != typeof(IPersistentState<>))
            {
                throw new InvalidOperationException(
                    $"{classType.Name}: parameter '{p.Name}' has [PersistentState] but is {p.ParameterType.Name}, not IPersistentState<T>.");
            }
        }

        for (var t = classType.BaseType; t is not null; t = t.BaseType)
        {
            if (t.IsGenericType && t.GetGenericTypeDefinition() == typeof(Grain<>))
            {
                GrainStateType = t.GetGenericArguments()[0];
                GrainStateProvider = classType.GetCustomAttribute<StorageProviderAttribute>(true)?.ProviderName
                    ?? ProviderConstants.DefaultStorageProviderName;
                break;
            }
        }
    }

    public Type ClassType { get; }

    public GrainType GrainType { get; }

    public bool IsReentrant { get; }

    public PlacementStrategy PlacementStrategy { get; }

    public bool IsStatelessWorker => PlacementStrategy is StatelessWorkerPlacement;

    public TimeSpan? CollectionAge { get; }

    public bool AlwaysActive { get; }

    public Type[] GrainInterfaces { get; }

    public ConstructorInfo Constructor { get; }

    public ParameterInfo[] StateParameters { get; }

    /// <summary>TState when the class derives from <see cref="Grain{TGrainState}"/>.</summary>
    public Type? GrainStateType { get; }

    public string? GrainStateProvider { get; }

    /// <summary>Orleans' default: the class name, lower-cased, without a trailing "Grain".</summary>
    public static string DefaultTypeName(Type classType)
    {
        var name = classType.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        if (name.Length > 5 && name.EndsWith("Grain", StringComparison.Ordinal))
        {
            name = name[..^5];
        }

        return name.ToLowerInvariant();
    }

    public static bool IsKeyMarker(Type i) =>
        i == typeof(IGrainWithGuidKey) || i == typeof(IGrainWithIntegerKey) || i == typeof(IGrainWithStringKey)
        || i == typeof(IGrainWithGuidCompoundKey) || i == typeof(IGrainWithIntegerCompoundKey);

    private static ConstructorInfo SelectConstructor(Type classType)
    {
        var constructors = classType.GetConstructors(BindingFlags.Public | BindingFlags.Instance);
        if (constructors.Length == 0)
        {
            throw new InvalidOperationException($"Grain class {classType.Name} has no public constructor.");
        }

        return constructors.OrderByDescending(c => c.GetParameters().Length).First();
    }
}
