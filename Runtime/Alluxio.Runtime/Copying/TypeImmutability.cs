using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace Alluxio.Runtime.Copying;

/// <summary>
/// Decides whether values of a runtime type can be shared between caller and grain without copying.
/// A struct qualifies when all its fields do (struct assignment copies it); a class when every instance field is
/// readonly and of a qualifying type (records of primitives and strings, for example). Well-known immutable BCL
/// types, <see cref="ImmutableAttribute"/> types, grain references, exceptions, tasks and reflection objects are
/// shared as well. The answer is cached per type.
/// </summary>
internal static class TypeImmutability
{
    private static readonly ConcurrentDictionary<Type, bool> Cache = new();

    private static readonly HashSet<Type> KnownImmutable =
    [
        typeof(string), typeof(decimal), typeof(DateTime), typeof(DateTimeOffset), typeof(TimeSpan), typeof(Guid),
        typeof(DateOnly), typeof(TimeOnly), typeof(Half), typeof(Int128), typeof(UInt128), typeof(System.Numerics.BigInteger),
        typeof(Uri), typeof(Version), typeof(CancellationToken), typeof(object), typeof(System.Net.IPAddress),
        typeof(System.Net.IPEndPoint), typeof(System.Text.Encoding), typeof(DBNull),
    ];

    /// <summary>True when values of exactly this runtime type never need copying.</summary>
    public static bool IsImmutable(Type type) => Cache.TryGetValue(type, out var known) ? known : Analyze(type, new HashSet<Type>());

    /// <summary>
    /// True when every value assignable to <paramref name="declaredType"/> is immutable, so a parameter of that type
    /// never needs even a runtime type check.
    /// </summary>
    public static bool IsImmutableForAllValues(Type declaredType) =>
        (declaredType.IsValueType || declaredType.IsSealed || declaredType == typeof(string)) && IsImmutable(declaredType);

    private static bool Analyze(Type type, HashSet<Type> inProgress)
    {
        if (Cache.TryGetValue(type, out var known))
        {
            return known;
        }

        if (!inProgress.Add(type))
        {
            // A cycle through readonly fields: immutable if everything else is.
            return true;
        }

        var result = Decide(type, inProgress);
        inProgress.Remove(type);
        if (inProgress.Count == 0 || !result)
        {
            Cache[type] = result;
        }

        return result;
    }

    private static bool Decide(Type type, HashSet<Type> inProgress)
    {
        if (type.IsPrimitive || type.IsEnum || type.IsPointer || KnownImmutable.Contains(type))
        {
            return true;
        }

        if (type.IsDefined(typeof(ImmutableAttribute), inherit: false))
        {
            return true;
        }

        if (typeof(IAddressable).IsAssignableFrom(type) || typeof(Exception).IsAssignableFrom(type)
            || typeof(Task).IsAssignableFrom(type) || typeof(MemberInfo).IsAssignableFrom(type)
            || typeof(Assembly).IsAssignableFrom(type))
        {
            return true;
        }

        if (typeof(Delegate).IsAssignableFrom(type) || type.IsArray)
        {
            return false;
        }

        if (type.IsGenericType)
        {
            var definition = type.GetGenericTypeDefinition();
            if (definition == typeof(Immutable<>))
            {
                return true;
            }

            if (definition == typeof(Nullable<>))
            {
                return Analyze(type.GetGenericArguments()[0], inProgress);
            }

            if (definition.Namespace == "System.Collections.Immutable")
            {
                return type.GetGenericArguments().All(a => Analyze(a, inProgress));
            }
        }

        if (IsProtobufMessage(type))
        {
            return false;
        }

        foreach (var field in GetInstanceFields(type))
        {
            if (!type.IsValueType && !field.IsInitOnly)
            {
                return false;
            }

            if (field.FieldType.IsByRefLike)
            {
                return false;
            }

            var fieldType = field.FieldType;
            if (!fieldType.IsValueType && !fieldType.IsSealed && fieldType != typeof(object))
            {
                // An abstract or open type: a mutable subclass could be behind it.
                if (!(typeof(IAddressable).IsAssignableFrom(fieldType) || typeof(Exception).IsAssignableFrom(fieldType)
                    || typeof(Task).IsAssignableFrom(fieldType) || typeof(MemberInfo).IsAssignableFrom(fieldType)))
                {
                    return false;
                }

                continue;
            }

            if (fieldType == typeof(object))
            {
                return false;
            }

            if (!Analyze(fieldType, inProgress))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Every instance field of the type and its base types.</summary>
    public static IEnumerable<FieldInfo> GetInstanceFields(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var f in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return f;
            }
        }
    }

    /// <summary>Google.Protobuf messages implement IDeepCloneable&lt;T&gt;; recognised by name so the runtime needs no reference.</summary>
    public static bool IsProtobufMessage(Type type) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition().FullName == "Google.Protobuf.IDeepCloneable`1");

    /// <summary>Whether <paramref name="type"/> is a compiler-generated closure or state machine (never copied).</summary>
    public static bool IsCompilerGenerated(Type type) => type.IsDefined(typeof(CompilerGeneratedAttribute), false);
}
