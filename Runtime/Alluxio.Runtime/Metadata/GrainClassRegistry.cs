using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Reflection;

namespace Alluxio.Runtime.Metadata;

/// <summary>
/// The grain classes this silo can host and the interfaces they implement, discovered from the configured
/// assemblies at start-up. Resolves "which class implements this interface" for <see cref="IGrainFactory"/>.
/// </summary>
internal sealed class GrainClassRegistry
{
    private readonly FrozenDictionary<GrainType, GrainClassInfo> _byGrainType;
    private readonly FrozenDictionary<Type, GrainClassInfo[]> _byInterface;
    private readonly ConcurrentDictionary<Type, GrainInterfaceInfo> _interfaces = new();
    private readonly ConcurrentDictionary<(Type, string?), GrainClassInfo> _resolved = new();

    public GrainClassRegistry(IEnumerable<Assembly> assemblies)
    {
        var classes = assemblies.Distinct()
            .SelectMany(SafeGetTypes)
            .Where(t => t is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false }
                && typeof(IGrainBase).IsAssignableFrom(t) && typeof(IGrain).IsAssignableFrom(t))
            .Distinct()
            .Select(t => new GrainClassInfo(t))
            .ToList();

        var duplicates = classes.GroupBy(c => c.GrainType).Where(g => g.Count() > 1).ToList();
        if (duplicates.Count > 0)
        {
            var names = string.Join("; ", duplicates.Select(g => $"'{g.Key}': {string.Join(", ", g.Select(c => c.ClassType.FullName))}"));
            throw new InvalidOperationException($"Grain type names must be unique; use [GrainType] to disambiguate: {names}.");
        }

        _byGrainType = classes.ToFrozenDictionary(c => c.GrainType);
        _byInterface = classes
            .SelectMany(c => c.GrainInterfaces.Select(i => (Interface: i, Class: c)))
            .GroupBy(x => x.Interface)
            .ToFrozenDictionary(g => g.Key, g => g.Select(x => x.Class).ToArray());
    }

    public IEnumerable<GrainClassInfo> Classes => _byGrainType.Values;

    public GrainClassInfo GetClass(GrainType grainType) =>
        _byGrainType.TryGetValue(grainType, out var info)
            ? info
            : throw new GrainActivationException($"No grain class with type name '{grainType}' is registered in this silo.");

    public bool TryGetClass(GrainType grainType, out GrainClassInfo info) => _byGrainType.TryGetValue(grainType, out info!);

    public GrainInterfaceInfo GetInterface(Type interfaceType) =>
        _interfaces.TryGetValue(interfaceType, out var info) ? info : _interfaces.GetOrAdd(interfaceType, static t => new GrainInterfaceInfo(t));

    /// <summary>The class implementing <paramref name="interfaceType"/>, picked by <paramref name="classNamePrefix"/> when several do.</summary>
    public GrainClassInfo Resolve(Type interfaceType, string? classNamePrefix) =>
        _resolved.TryGetValue((interfaceType, classNamePrefix), out var known)
            ? known
            : _resolved.GetOrAdd((interfaceType, classNamePrefix), key => ResolveCore(key.Item1, key.Item2));

    private GrainClassInfo ResolveCore(Type interfaceType, string? classNamePrefix)
    {
        if (!_byInterface.TryGetValue(interfaceType, out var candidates) || candidates.Length == 0)
        {
            throw new ArgumentException(
                $"No grain class implementing {interfaceType.FullName} is registered. Add its assembly to the silo (ISiloBuilder.AddGrainAssembly).",
                nameof(interfaceType));
        }

        if (classNamePrefix is not null)
        {
            candidates = candidates.Where(c => (c.ClassType.FullName ?? c.ClassType.Name).StartsWith(classNamePrefix, StringComparison.Ordinal)).ToArray();
        }

        return candidates.Length switch
        {
            1 => candidates[0],
            0 => throw new ArgumentException($"No grain class implementing {interfaceType.Name} matches the prefix '{classNamePrefix}'.", nameof(classNamePrefix)),
            _ => throw new ArgumentException(
                $"Several grain classes implement {interfaceType.Name} ({string.Join(", ", candidates.Select(c => c.ClassType.FullName))}); pass grainClassNamePrefix to choose one.",
                nameof(interfaceType)),
        };
    }

    private static IEnumerable<Type> SafeGetTypes(Assembly assembly)
    {
        try
        {
            return assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            return e.Types.Where(t => t is not null)!;
        }
    }
}
